package io.dealflow.analytics.projection;

import io.dealflow.platform.jdbc.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Function;

/**
 * The day counts of the additive reports ({@code stage_day_counts}, {@code loss_day_counts}): per stage, manager and
 * UTC day, sums of the visits' contributions ({@link CountedVisit}); and {@code quality_day_counts}, per manager and
 * UTC day, the stage changes and task facts the data-quality report counts. A batch only ever inserts its deltas, so
 * concurrent batches (the live consumers' threads, a rebuild's lanes) never wait on each other's rows and cannot
 * deadlock; a report sums whatever rows there are. {@link #compact()} folds the delta rows into one row per key now
 * and then, in one statement per table, so a report reads about one row per key: readers see the rows before or
 * after the fold (the same sums either way), and a delta inserted meanwhile is simply left for the next fold.
 */
@Component
public class DayCounts {

    private static final String INSERT_STAGE = """
            INSERT INTO stage_day_counts (generation, pipeline_id, pipeline_version, stage_id, manager_id, day, entered,
                                          exited, conversion_entered, conversion_advanced, conversion_lost,
                                          conversion_still_there)
            SELECT ?, * FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::date[], ?::bigint[], ?::bigint[],
                                    ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])""";

    private static final String INSERT_LOSS = """
            INSERT INTO loss_day_counts (generation, pipeline_id, pipeline_version, stage_id, manager_id, day,
                                         reason_code, lost)
            SELECT ?, * FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::date[], ?::text[], ?::bigint[])""";

    private static final String INSERT_QUALITY = """
            INSERT INTO quality_day_counts (generation, pipeline_id, manager_id, day, changes, skips, backward_moves,
                                            catch_up_moves, overdue_tasks, reschedules)
            SELECT ?, * FROM unnest(?::text[], ?::text[], ?::date[], ?::bigint[], ?::bigint[], ?::bigint[],
                                    ?::bigint[], ?::bigint[], ?::bigint[])""";

    private static final String COMPACT_STAGE = """
            WITH folded AS (DELETE FROM stage_day_counts RETURNING *)
            INSERT INTO stage_day_counts
            SELECT generation, pipeline_id, pipeline_version, stage_id, manager_id, day, sum(entered), sum(exited),
                   sum(conversion_entered), sum(conversion_advanced), sum(conversion_lost),
                   sum(conversion_still_there)
            FROM folded
            GROUP BY generation, pipeline_id, pipeline_version, stage_id, manager_id, day
            HAVING sum(entered) <> 0 OR sum(exited) <> 0 OR sum(conversion_entered) <> 0
                OR sum(conversion_advanced) <> 0 OR sum(conversion_lost) <> 0 OR sum(conversion_still_there) <> 0""";

    private static final String COMPACT_LOSS = """
            WITH folded AS (DELETE FROM loss_day_counts RETURNING *)
            INSERT INTO loss_day_counts
            SELECT generation, pipeline_id, pipeline_version, stage_id, manager_id, day, reason_code, sum(lost)
            FROM folded
            GROUP BY generation, pipeline_id, pipeline_version, stage_id, manager_id, day, reason_code
            HAVING sum(lost) <> 0""";

    private static final String COMPACT_QUALITY = """
            WITH folded AS (DELETE FROM quality_day_counts RETURNING *)
            INSERT INTO quality_day_counts
            SELECT generation, pipeline_id, manager_id, day, sum(changes), sum(skips), sum(backward_moves),
                   sum(catch_up_moves), sum(overdue_tasks), sum(reschedules)
            FROM folded
            GROUP BY generation, pipeline_id, manager_id, day""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public DayCounts(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Inserts a batch's deltas, in the batch's transaction. */
    void write(int generation, CountDeltas deltas) {
        List<CountDeltas.StageDelta> stages = deltas.stageDeltas();
        if (!stages.isEmpty()) {
            jdbc.update(connection -> SqlArrays.prepare(connection, INSERT_STAGE, generation,
                    SqlArrays.text(stages, d -> d.key().pipelineId()),
                    SqlArrays.ints(stages, d -> d.key().pipelineVersion()),
                    SqlArrays.text(stages, d -> d.key().stageId()), SqlArrays.text(stages, d -> d.key().managerId()),
                    SqlArrays.text(stages, d -> d.key().day().toString()),
                    column(stages, CountDeltas.ENTERED), column(stages, CountDeltas.EXITED),
                    column(stages, CountDeltas.CONVERSION_ENTERED), column(stages, CountDeltas.CONVERSION_ADVANCED),
                    column(stages, CountDeltas.CONVERSION_LOST),
                    column(stages, CountDeltas.CONVERSION_STILL_THERE)));
        }
        List<CountDeltas.LossDelta> losses = deltas.lossDeltas();
        if (!losses.isEmpty()) {
            jdbc.update(connection -> SqlArrays.prepare(connection, INSERT_LOSS, generation,
                    SqlArrays.text(losses, d -> d.key().stage().pipelineId()),
                    SqlArrays.ints(losses, d -> d.key().stage().pipelineVersion()),
                    SqlArrays.text(losses, d -> d.key().stage().stageId()),
                    SqlArrays.text(losses, d -> d.key().stage().managerId()),
                    SqlArrays.text(losses, d -> d.key().stage().day().toString()),
                    SqlArrays.text(losses, d -> d.key().reasonCode()), SqlArrays.longs(losses, CountDeltas.LossDelta::lost)));
        }
        List<CountDeltas.QualityDelta> quality = deltas.qualityDeltas();
        if (!quality.isEmpty()) {
            jdbc.update(connection -> SqlArrays.prepare(connection, INSERT_QUALITY, generation,
                    SqlArrays.text(quality, d -> d.key().pipelineId()),
                    SqlArrays.text(quality, d -> d.key().managerId()),
                    SqlArrays.text(quality, d -> d.key().day().toString()),
                    column(quality, CountDeltas.QualityDelta::counts, CountDeltas.CHANGES),
                    column(quality, CountDeltas.QualityDelta::counts, CountDeltas.SKIPS),
                    column(quality, CountDeltas.QualityDelta::counts, CountDeltas.BACKWARD_MOVES),
                    column(quality, CountDeltas.QualityDelta::counts, CountDeltas.CATCH_UP_MOVES),
                    column(quality, CountDeltas.QualityDelta::counts, CountDeltas.OVERDUE_TASKS),
                    column(quality, CountDeltas.QualityDelta::counts, CountDeltas.RESCHEDULES)));
        }
    }

    /** Folds the delta rows of every generation into one row per key. */
    public void compact() {
        transactions.executeWithoutResult(status -> jdbc.update(COMPACT_STAGE));
        transactions.executeWithoutResult(status -> jdbc.update(COMPACT_LOSS));
        transactions.executeWithoutResult(status -> jdbc.update(COMPACT_QUALITY));
    }

    private static Long[] column(List<CountDeltas.StageDelta> deltas, int column) {
        return column(deltas, CountDeltas.StageDelta::counts, column);
    }

    private static <D> Long[] column(List<D> deltas, Function<D, long[]> counts, int column) {
        return deltas.stream().map(delta -> counts.apply(delta)[column]).toArray(Long[]::new);
    }
}
