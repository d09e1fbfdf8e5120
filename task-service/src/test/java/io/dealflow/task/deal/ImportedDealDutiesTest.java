package io.dealflow.task.deal;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealTagged;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.task.TaskKind;
import io.dealflow.task.task.Task;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportedDealDutiesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");

    @Test
    void anOpenImportedDealWithoutATaskGetsItsStagesTask() {
        ImportedDealDuties.Settlement settlement = ImportedDealDuties.settle(deal("proposal", true), List.of());

        assertThat(settlement.openStage()).isTrue();
        assertThat(settlement.toCancel()).isEmpty();
    }

    @Test
    void anOpenImportedDealWhoseStageTaskIsOpenKeepsIt() {
        Task current = task("proposal", TaskKind.STAGE);
        ImportedDealDuties.Settlement settlement = ImportedDealDuties.settle(deal("proposal", true),
                List.of(current, task(null, TaskKind.MANUAL)));

        assertThat(settlement.openStage()).isFalse();
        assertThat(settlement.toCancel()).isEmpty();
    }

    @Test
    void aStageTaskOfAStageTheDealLeftIsSupersededByTheNewStagesTask() {
        Task old = task("needs-identified", TaskKind.STAGE);
        ImportedDealDuties.Settlement settlement = ImportedDealDuties.settle(deal("proposal", true), List.of(old));

        assertThat(settlement.openStage()).isTrue();
        assertThat(settlement.toCancel()).containsExactly(old);
    }

    @Test
    void aClosedImportedDealHasNoTaskLeft() {
        Task stage = task("proposal", TaskKind.STAGE);
        Task manual = task(null, TaskKind.MANUAL);
        ImportedDealDuties.Settlement settlement = ImportedDealDuties.settle(deal("proposal", false),
                List.of(stage, manual));

        assertThat(settlement.openStage()).isFalse();
        assertThat(settlement.toCancel()).containsExactly(stage, manual);
    }

    /** A history split across two polls: the first poll settles nothing, the one with its last event settles it. */
    @Test
    void aDealIsSettledOnlyInThePollThatEndsItsImportedHistory() {
        List<PublishedEvent<DealEvent>> firstPoll = List.of(imported("deal-1", 0, false), imported("deal-1", 1, false),
                imported("deal-2", 0, false), imported("deal-2", 1, true));
        List<PublishedEvent<DealEvent>> secondPoll = List.of(imported("deal-1", 2, true), live("deal-3", 4));

        assertThat(ImportedDealDuties.historiesEndedIn(firstPoll)).containsOnlyKeys("deal-2")
                .containsEntry("deal-2", "evt-deal-2-1");
        assertThat(ImportedDealDuties.historiesEndedIn(secondPoll)).containsOnlyKeys("deal-1")
                .containsEntry("deal-1", "evt-deal-1-2");
    }

    private static PublishedEvent<DealEvent> imported(String dealId, long sequence, boolean end) {
        return new PublishedEvent<>("evt-" + dealId + "-" + sequence, sequence, NOW.minusSeconds(86_400),
                new DealTagged(dealId, "sales", 1, "import", "t" + sequence), null, true, end);
    }

    private static PublishedEvent<DealEvent> live(String dealId, long sequence) {
        return new PublishedEvent<>("evt-" + dealId + "-" + sequence, sequence, NOW,
                new DealTagged(dealId, "sales", 1, "olena", "t" + sequence));
    }

    private static TrackedDeal deal(String stageId, boolean open) {
        return new TrackedDeal("deal-1", "sales", 1, "Deal", stageId, "olena", open);
    }

    private static Task task(String stageId, TaskKind kind) {
        return Task.open("task-" + stageId + kind, "deal-1", "sales", stageId, kind, "Call", "olena",
                NOW.plusSeconds(3600), NOW);
    }
}
