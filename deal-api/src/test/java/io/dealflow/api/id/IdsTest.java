package io.dealflow.api.id;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdsTest {

    private static final List<Function<String, Object>> EVERY_ID =
            List.of(DealId::of, StageId::of, PipelineId::of, PersonId::of);

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void noIdIsNullOrBlank(String value) {
        for (Function<String, Object> id : EVERY_ID) {
            assertThatIllegalArgumentException().isThrownBy(() -> id.apply(value)).withMessageContaining("blank");
        }
    }

    @Test
    void theRefusalNamesWhichIdWasBlank() {
        assertThatIllegalArgumentException().isThrownBy(() -> StageId.of(" ")).withMessageStartingWith("stageId ");
        assertThatIllegalArgumentException().isThrownBy(() -> DealId.of(null)).withMessageStartingWith("dealId ");
    }

    @Test
    void anIdPrintsAsItsPlainValueAsOnTheWire() {
        for (Function<String, Object> id : EVERY_ID) {
            assertThat(id.apply("sales-1")).hasToString("sales-1");
        }
        assertThat(PipelineId.of("sales").value()).isEqualTo("sales");
    }

    @Test
    void idsAreEqualByValueAndOnlyWithinTheirKind() {
        assertThat(StageId.of("new")).isEqualTo(new StageId("new")).hasSameHashCodeAs(StageId.of("new"));
        assertThat((Object) StageId.of("new")).isNotEqualTo(PipelineId.of("new"));
    }
}
