package io.dealflow.api.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineDefinedTest {

    private final PipelineDefined pipeline = new PipelineDefined("sales", 3, "Sales", "sales", SkipMode.STRICT,
            BackwardMode.FORBIDDEN, null, null, List.of(stage("new"), stage("qualified"), stage("proposal")), List.of(),
            "olena");

    @Test
    void aStageIsFoundByItsIdWithItsPlaceInThePipelinesOrder() {
        assertThat(pipeline.indexOf("new")).isZero();
        assertThat(pipeline.indexOf("proposal")).isEqualTo(2);
        assertThat(pipeline.stage("qualified")).map(StageDefinition::id).contains("qualified");
    }

    @Test
    void aStageThisVersionDoesNotHaveIsNowhere() {
        assertThat(pipeline.indexOf("won")).isEqualTo(-1);
        assertThat(pipeline.stage("won")).isEmpty();
    }

    private static StageDefinition stage(String id) {
        return new StageDefinition(id, id, List.of(), List.of(), null, null);
    }
}
