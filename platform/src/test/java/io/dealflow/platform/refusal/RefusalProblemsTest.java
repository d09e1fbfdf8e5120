package io.dealflow.platform.refusal;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefusalProblemsTest {

    sealed interface Refusals extends Refusal {
        @Override
        default String detail() {
            return "refused";
        }
    }

    record Closed() implements Refusals {
        @Override
        public String type() {
            return "deal-closed";
        }
    }

    record Taken() implements Refusals {
        @Override
        public String type() {
            return "deal-id-taken";
        }
    }

    @Test
    void aRefusalIsAnsweredWithItsStatusAndItsOwnTypeUnlessTheTableRetypesIt() {
        RefusalProblems table = RefusalProblems.builder()
                .map(Closed.class, 422)
                .map(Taken.class, 409, "version-conflict")
                .covering(Refusals.class)
                .build();

        assertThat(table.answerTo(new Closed())).contains(new RefusalProblems.Answer(422, "deal-closed"));
        assertThat(table.answerTo(new Taken())).contains(new RefusalProblems.Answer(409, "version-conflict"));
    }

    @Test
    void aTableCoveringASealedTypeMustNameEveryOneOfItsRules() {
        assertThatThrownBy(() -> RefusalProblems.builder().map(Closed.class, 422).covering(Refusals.class).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Taken");
    }

    @Test
    void aRefusalOfAnotherTableIsNotAnsweredHere() {
        RefusalProblems table = RefusalProblems.builder().map(Closed.class, 422).build();

        assertThat(table.answerTo(new Taken())).isEqualTo(Optional.empty());
    }

    @Test
    void theExceptionSaysWhatTheRefusalSays() {
        RefusedException refused = new RefusedException(new Closed());

        assertThat(refused).hasMessage("refused");
        assertThat(refused.refusal()).isEqualTo(new Closed());
    }
}
