package io.dealflow.platform.web.idempotency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FinalAnswersTest {

    @Test
    void successesAndRefusalsOfTheRequestAreFinal() {
        assertThat(FinalAnswers.isFinal(200, false)).isTrue();
        assertThat(FinalAnswers.isFinal(201, false)).isTrue();
        assertThat(FinalAnswers.isFinal(404, false)).isTrue();
        assertThat(FinalAnswers.isFinal(409, false)).isTrue();
        assertThat(FinalAnswers.isFinal(422, false)).isTrue();
    }

    @Test
    void acceptedForLaterIsNotFinal() {
        assertThat(FinalAnswers.isFinal(202, false)).isFalse();
    }

    @Test
    void serverFailuresAndRefusalsOfTheCallerAreNotFinal() {
        assertThat(FinalAnswers.isFinal(500, false)).isFalse();
        assertThat(FinalAnswers.isFinal(503, true)).isFalse();
        assertThat(FinalAnswers.isFinal(401, false)).isFalse();
        assertThat(FinalAnswers.isFinal(403, false)).isFalse();
    }

    @Test
    void anAnswerThatAsksToBeRetriedIsNotFinal() {
        assertThat(FinalAnswers.isFinal(409, true)).isFalse();
        assertThat(FinalAnswers.isFinal(429, true)).isFalse();
    }
}
