package io.dealflow.deal.pipeline.command;

import io.dealflow.api.pipeline.LossReason;
import io.dealflow.api.pipeline.StageDefinition;
import io.dealflow.deal.pipeline.command.PipelineRefusal.DefinitionInvalid;
import io.dealflow.platform.refusal.RefusedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.dealflow.deal.Refusals.refusedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PipelineTest {

    private FixtureConfiguration<Pipeline> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pipeline.class);
    }

    @Test
    void theFirstDefinitionIsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new DefinePipelineCommand("sales", Pipelines.definition("sales"), "test"))
                .expectResultMessagePayload(new PipelineDefinitionResult("sales", 1, true))
                .expectEvents(Pipelines.sales());
    }

    @Test
    void aChangedDefinitionIsTheNextVersion() {
        PipelineDefinition renamed = Pipelines.withStages(Pipelines.definition("sales"), stages -> {
            StageDefinition first = stages.get(0);
            stages.set(0, new StageDefinition(first.id(), "First contact", first.requiredFields(),
                    first.requiredOneOf(), first.sla(), first.task()));
            return stages;
        });
        fixture.given(Pipelines.sales())
                .when(new DefinePipelineCommand("sales", renamed, "test"))
                .expectResultMessagePayload(new PipelineDefinitionResult("sales", 2, true))
                .expectEvents(Pipelines.defined("sales", 2, renamed));
    }

    @Test
    void theSameDefinitionAgainDefinesNothing() {
        fixture.given(Pipelines.sales())
                .when(new DefinePipelineCommand("sales", Pipelines.definition("sales"), "someone else"))
                .expectResultMessagePayload(new PipelineDefinitionResult("sales", 1, false))
                .expectNoEvents();
    }

    @Test
    void aStageWithoutAFollowUpTaskIsRefused() {
        PipelineDefinition dumpStage = Pipelines.withStages(Pipelines.definition("sales"), stages -> {
            stages.add(new StageDefinition("client-is-thinking", "Client is thinking", List.of(), List.of(),
                    Duration.ofDays(30), null));
            return stages;
        });
        fixture.givenNoPriorActivity()
                .when(new DefinePipelineCommand("sales", dumpStage, "test"))
                .expectException(refusedBy(DefinitionInvalid.class))
                .expectNoEvents();
        assertThat(violations(dumpStage)).extracting(DefinitionViolation::field).containsExactly("stages[5].task");
    }

    @Test
    void aStageWithoutAnSlaIsRefused() {
        PipelineDefinition noSla = Pipelines.withStages(Pipelines.definition("sales"), stages -> {
            StageDefinition first = stages.get(0);
            stages.set(0, new StageDefinition(first.id(), first.name(), first.requiredFields(),
                    first.requiredOneOf(), null, first.task()));
            return stages;
        });
        assertThat(violations(noSla)).extracting(DefinitionViolation::field).containsExactly("stages[0].sla");
    }

    @Test
    void duplicateStageIdsAreRefused() {
        PipelineDefinition duplicate = Pipelines.withStages(Pipelines.definition("sales"), stages -> {
            stages.add(stages.get(0));
            return stages;
        });
        assertThat(violations(duplicate)).extracting(DefinitionViolation::field).containsExactly("stages[5].id");
    }

    @Test
    void aPipelineWithoutLossReasonsIsRefused() {
        PipelineDefinition sales = Pipelines.definition("sales");
        PipelineDefinition noReasons = new PipelineDefinition(sales.name(), sales.department(), sales.skipMode(),
                sales.backwardMode(), sales.handoffTo(), null, sales.stages(), List.of());
        assertThat(violations(noReasons)).extracting(DefinitionViolation::field).containsExactly("lossReasons");
    }

    @Test
    void staleAfterNeedsTheStaleLossReason() {
        PipelineDefinition sales = Pipelines.definition("sales");
        PipelineDefinition noStale = new PipelineDefinition(sales.name(), sales.department(), sales.skipMode(),
                sales.backwardMode(), sales.handoffTo(), Duration.ofDays(14), sales.stages(),
                List.of(new LossReason("price", "Price")));
        assertThat(violations(noStale)).extracting(DefinitionViolation::message)
                .anySatisfy(message -> assertThat(message).contains("'stale'"));
    }

    @Test
    void modesAndAnEmptyStageListAreRequired() {
        PipelineDefinition empty = new PipelineDefinition("X", "x", null, null, null, null, List.of(),
                List.of(new LossReason("price", "Price")));
        assertThat(violations(empty)).extracting(DefinitionViolation::field)
                .containsExactlyInAnyOrder("skipMode", "backwardMode", "stages");
    }

    @Test
    void theDemoPipelinesAreValid() {
        for (String id : List.of("sales", "contracts", "delivery")) {
            assertThat(PipelineDefinitionRules.check(id, Pipelines.definition(id))).as(id).isEmpty();
        }
    }

    private List<DefinitionViolation> violations(PipelineDefinition definition) {
        RefusedException refused = catchThrowableOfType(RefusedException.class,
                () -> new Pipeline().handle(new DefinePipelineCommand("sales", definition, "test")));
        assertThat(refused.refusal()).isInstanceOf(DefinitionInvalid.class);
        return ((DefinitionInvalid) refused.refusal()).violations();
    }
}
