package io.dealflow.analytics.projection;

import io.dealflow.platform.jdbc.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Per deal, whether it is open and how many open tasks it has ({@code deal_open_tasks}), so that data quality reads
 * the open deals without an open task from a partial index of just those, instead of anti-joining every open deal
 * with the open tasks. The deal projector and the task projector feed the same row from two topics, in either order
 * and in concurrent transactions; the row stays exact because each writes only its own columns, in one upsert that
 * creates the row if the other has not yet (a concurrent insert of the same key waits for the other and then
 * updates), and the task side adds a difference to the count instead of writing a count it read. Both upsert their
 * deals in deal id order, so two batches sharing deals wait for each other and never deadlock.
 */
@Component
class OpenTasks {

    private static final String UPSERT_DEALS = """
            INSERT INTO deal_open_tasks AS s (generation, deal_id, pipeline_id, manager_id, deal_open, open_tasks)
            SELECT ?, d.*, 0 FROM unnest(?::text[], ?::text[], ?::text[], ?::boolean[]) AS d
            ON CONFLICT (generation, deal_id) DO UPDATE
                SET pipeline_id = EXCLUDED.pipeline_id, manager_id = EXCLUDED.manager_id,
                    deal_open = EXCLUDED.deal_open""";

    private static final String ADD_TASKS = """
            INSERT INTO deal_open_tasks AS s (generation, deal_id, deal_open, open_tasks)
            SELECT ?, t.deal_id, false, t.open_tasks FROM unnest(?::text[], ?::int[]) AS t (deal_id, open_tasks)
            ON CONFLICT (generation, deal_id) DO UPDATE SET open_tasks = s.open_tasks + EXCLUDED.open_tasks""";

    /** A deal as the deal projector writes it. */
    record DealState(String dealId, String pipelineId, String managerId, boolean open) {
    }

    private final JdbcTemplate jdbc;

    OpenTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The deals a batch wrote, in the batch's transaction. */
    void writeDeals(int generation, List<DealState> deals) {
        if (deals.isEmpty()) {
            return;
        }
        List<DealState> rows = new ArrayList<>(deals);
        rows.sort(Comparator.comparing(DealState::dealId));
        jdbc.update(connection -> SqlArrays.prepare(connection, UPSERT_DEALS, generation,
                SqlArrays.text(rows, DealState::dealId), SqlArrays.text(rows, DealState::pipelineId),
                SqlArrays.text(rows, DealState::managerId), SqlArrays.booleans(rows, DealState::open)));
    }

    /** By how many each deal's open tasks changed in a batch (zeros are left out), in the batch's transaction. */
    void addTasks(int generation, Map<String, Integer> changes) {
        List<Map.Entry<String, Integer>> rows = changes.entrySet().stream().filter(entry -> entry.getValue() != 0)
                .sorted(Map.Entry.comparingByKey()).toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(connection -> SqlArrays.prepare(connection, ADD_TASKS, generation,
                SqlArrays.text(rows, Map.Entry::getKey), SqlArrays.ints(rows, Map.Entry::getValue)));
    }
}
