package io.dealflow.bench.scale;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealFieldsUpdated;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.bench.pipeline.BenchPipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One generated deal's life, as deal-service would have recorded it: opened in the first stage, its fields
 * filled in, moved forward stage by stage (now and then several moves within minutes: a catch-up run), and then
 * won from the last stage (20 %), lost with the pipeline's reason at some stage (50 %) or still open (30 %).
 * Every deal has at least six events. Times lie within the last 90 days, open deals' last move well inside their
 * task's due time so the history raises no overdue escalations.
 */
final class DealHistory {

    private static final List<String> MANAGERS = List.of("anna", "bohdan", "iryna", "marko", "olena", "taras",
            "yulia", "petro", "sofia", "dmytro");
    private static final Duration SPAN = Duration.ofDays(90);
    private static final Duration OPEN_DEAL_RECENT = Duration.ofDays(20);
    static final String ACTOR = "bench:generated";

    private DealHistory() {
    }

    static List<PublishedEvent<DealEvent>> of(String dealId, BenchPipeline pipeline, Instant now,
                                              SplittableRandom random) {
        String pipelineId = pipeline.id();
        int version = pipeline.version();
        String manager = MANAGERS.get(random.nextInt(MANAGERS.size()));
        int outcome = random.nextInt(100);
        boolean won = outcome < 20;
        boolean lost = !won && outcome < 70;
        // forward moves: all of them for a win; otherwise at least 3 (lost) or 4 (open) so every deal has >= 6 events
        int moves = won ? pipeline.lastStage() : random.nextInt(lost ? 3 : 4, pipeline.lastStage());
        int events = 2 + moves + (won || lost ? 1 : 0);

        // at least an hour ago: a catch-up stretch may push the last event a few minutes past `end`
        Instant end = lost || won ? now.minus(Duration.ofMinutes(random.nextLong(60, SPAN.toMinutes() / 3)))
                : now.minus(Duration.ofMinutes(random.nextLong(60, OPEN_DEAL_RECENT.toMinutes())));
        Instant opened = end.minus(Duration.ofMinutes(random.nextLong(60, SPAN.toMinutes() / 2)));
        Instant[] times = times(opened, end, events, random);

        List<PublishedEvent<DealEvent>> history = new ArrayList<>(events);
        int seq = 0;
        history.add(published(seq, times[seq++], new DealOpened(dealId, pipelineId, version, ACTOR,
                "Generated deal " + dealId, manager, pipeline.stage(0),
                Map.of("contactName", "Contact " + dealId, "phone", "+380440000000", "source", "import"),
                List.of("generated"), null, null, null)));
        history.add(published(seq, times[seq++], new DealFieldsUpdated(dealId, pipelineId, version, ACTOR,
                Map.of("budget", Integer.toString(random.nextInt(1_000, 500_000)), "clientType", "manufacturer"))));
        for (int stage = 0; stage < moves; stage++) {
            history.add(published(seq, times[seq++], new DealStageChanged(dealId, pipelineId, version, ACTOR,
                    pipeline.stage(stage), pipeline.stage(stage + 1), Direction.FORWARD, List.of(), null, manager)));
        }
        if (won) {
            history.add(published(seq, times[seq], new DealWon(dealId, pipelineId, version, ACTOR,
                    pipeline.stage(moves), manager)));
        } else if (lost) {
            history.add(published(seq, times[seq], new DealLost(dealId, pipelineId, version, ACTOR,
                    pipeline.stage(moves), manager, BenchPipeline.LOSS_REASON, "generated: chose a cheaper offer")));
        }
        return history;
    }

    /** Ascending instants from opened to end; one deal in ten squeezes a stretch of moves into minutes. */
    private static Instant[] times(Instant opened, Instant end, int count, SplittableRandom random) {
        long span = Duration.between(opened, end).toSeconds();
        long[] offsets = new long[count];
        for (int i = 1; i < count; i++) {
            offsets[i] = random.nextLong(1, Math.max(2, span));
        }
        Arrays.sort(offsets);
        if (random.nextInt(10) == 0 && count > 4) {
            int from = random.nextInt(2, count - 2);
            for (int i = from + 1; i < Math.min(count, from + 3); i++) {
                offsets[i] = offsets[i - 1] + random.nextLong(30, 300);
            }
        }
        Instant[] times = new Instant[count];
        for (int i = 0; i < count; i++) {
            if (i > 0 && offsets[i] <= offsets[i - 1]) {
                offsets[i] = offsets[i - 1] + 1;
            }
            times[i] = opened.plusSeconds(offsets[i]);
        }
        return times;
    }

    private static PublishedEvent<DealEvent> published(int sequence, Instant at, DealEvent event) {
        return new PublishedEvent<>(UUID.randomUUID().toString(), sequence, at, event);
    }
}
