package io.dealflow.deal;

import io.dealflow.platform.problem.ProblemException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refusal by its problem type, the part of a refusal clients depend on. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<ProblemException> refusedAs(String problemType) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ProblemException problem) {
                return problem.type().equals(problemType);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal of type ").appendValue(problemType);
            }

            @Override
            protected void describeMismatchSafely(ProblemException problem, Description mismatch) {
                mismatch.appendText("was refused as ").appendValue(problem.type()).appendText(": ")
                        .appendText(problem.getMessage());
            }
        };
    }
}
