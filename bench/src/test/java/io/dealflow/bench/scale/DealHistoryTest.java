package io.dealflow.bench.scale;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.bench.pipeline.BenchPipeline;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DealHistoryTest {

    private static final BenchPipeline PIPELINE = new BenchPipeline("bench", 1,
            IntStream.rangeClosed(1, BenchPipeline.STAGES).mapToObj(n -> String.format("s%02d", n)).toList());
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void everyGeneratedDealHasAtLeastSixEventsInOrderWithGapFreeSequencesInThePast() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            List<PublishedEvent<DealEvent>> history = DealHistory.of("d" + n, PIPELINE, NOW, random);
            assertThat(history).hasSizeGreaterThanOrEqualTo(6);
            assertThat(history.get(0).event()).isInstanceOf(DealOpened.class);
            for (int i = 0; i < history.size(); i++) {
                assertThat(history.get(i).sequence()).isEqualTo(i);
                assertThat(history.get(i).occurredAt()).isBefore(NOW);
                if (i > 0) {
                    assertThat(history.get(i).occurredAt()).isAfter(history.get(i - 1).occurredAt());
                }
            }
        }
    }

    @Test
    void aWonDealWalkedEveryStageOneForwardAtATimeAsStrictAsks() {
        SplittableRandom random = new SplittableRandom(11);
        List<PublishedEvent<DealEvent>> won = IntStream.range(0, 100)
                .mapToObj(n -> DealHistory.of("w" + n, PIPELINE, NOW, random))
                .filter(history -> history.get(history.size() - 1).event() instanceof DealWon).findFirst().orElseThrow();
        List<DealStageChanged> moves = won.stream().map(PublishedEvent::event)
                .filter(DealStageChanged.class::isInstance).map(DealStageChanged.class::cast).toList();
        assertThat(moves).hasSize(PIPELINE.lastStage());
        for (int stage = 0; stage < moves.size(); stage++) {
            assertThat(moves.get(stage).fromStageId()).isEqualTo(PIPELINE.stage(stage));
            assertThat(moves.get(stage).toStageId()).isEqualTo(PIPELINE.stage(stage + 1));
        }
        assertThat(((DealWon) won.get(won.size() - 1).event()).stageId()).isEqualTo(PIPELINE.stage(PIPELINE.lastStage()));
    }

    @Test
    void theGeneratedJsonReadsBackAsTheSameEvent() {
        EventJson json = new EventJson();
        for (PublishedEvent<DealEvent> published : DealHistory.of("j1", PIPELINE, NOW, new SplittableRandom(3))) {
            assertThat(json.readDealEvent(json.writeDealEvent(published))).isEqualTo(published);
        }
    }
}
