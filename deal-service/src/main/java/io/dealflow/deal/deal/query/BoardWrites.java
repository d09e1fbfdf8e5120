package io.dealflow.deal.deal.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board's statements of one batch of events, put in the fewest rounds that keep each deal's statements in their
 * order. A deal's row is touched only by its own statements, so the n-th statement of every deal can go in one
 * round, as one JDBC batch per distinct statement: a batch of imported deals (an insert and a few updates each)
 * becomes a handful of round trips instead of one per event.
 */
final class BoardWrites {

    /** One statement for one deal's row. */
    record Write(String dealId, String sql, Map<String, Object> params) {
    }

    /** Statements of one kind, each for a different deal, sent as one JDBC batch. */
    record Round(String sql, List<Map<String, Object>> params) {
    }

    private final List<Write> writes = new ArrayList<>();

    void add(Write write) {
        writes.add(write);
    }

    /** The rounds to send, in order: every statement of a deal comes after the deal's earlier ones. */
    List<Round> rounds() {
        Map<String, Integer> written = new HashMap<>();
        List<Map<String, List<Map<String, Object>>>> levels = new ArrayList<>();
        for (Write write : writes) {
            int level = written.merge(write.dealId(), 1, Integer::sum) - 1;
            if (level == levels.size()) {
                levels.add(new LinkedHashMap<>());
            }
            levels.get(level).computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.params());
        }
        List<Round> rounds = new ArrayList<>();
        levels.forEach(level -> level.forEach((sql, params) -> rounds.add(new Round(sql, List.copyOf(params)))));
        return rounds;
    }
}
