package io.dealflow.deal;

import io.dealflow.platform.refusal.Refusal;
import io.dealflow.platform.refusal.RefusedException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refusal by the rule that refused, so that a test names the rule it expects. */
public final class Refusals {

    private Refusals() {
    }

    /** Refused by the rule whose refusal is {@code rule}, whatever its data. */
    public static Matcher<RefusedException> refusedBy(Class<? extends Refusal> rule) {
        return new RefusalMatcher(rule.getSimpleName(), rule::isInstance);
    }

    /** Refused exactly with {@code expected}: the rule and the data it names. */
    public static Matcher<RefusedException> refusedWith(Refusal expected) {
        return new RefusalMatcher(expected.toString(), expected::equals);
    }

    private static final class RefusalMatcher extends TypeSafeMatcher<RefusedException> {

        private final String expected;
        private final java.util.function.Predicate<Refusal> test;

        private RefusalMatcher(String expected, java.util.function.Predicate<Refusal> test) {
            this.expected = expected;
            this.test = test;
        }

        @Override
        protected boolean matchesSafely(RefusedException refused) {
            return test.test(refused.refusal());
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("a refusal ").appendText(expected);
        }

        @Override
        protected void describeMismatchSafely(RefusedException refused, Description mismatch) {
            mismatch.appendText("was refused with ").appendValue(refused.refusal());
        }
    }
}
