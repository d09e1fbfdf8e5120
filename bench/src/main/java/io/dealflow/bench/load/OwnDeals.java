package io.dealflow.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * A virtual user's own deals and the stage each is at. Only its user touches them, one request at a time, so
 * moves never conflict; the user moves them round-robin, one stage forward each turn.
 */
final class OwnDeals {

    private final List<String> ids = new ArrayList<>();
    private final List<Integer> stages = new ArrayList<>();
    private int cursor = -1;

    void add(String dealId) {
        ids.add(dealId);
        stages.add(0);
    }

    /** The user's next deal becomes the current one. */
    void next() {
        cursor = (cursor + 1) % ids.size();
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    String currentId() {
        return ids.get(cursor);
    }

    int currentStage() {
        return stages.get(cursor);
    }

    void advanced() {
        stages.set(cursor, stages.get(cursor) + 1);
    }

    /** The current deal left the user (won, lost, or at its last stage) and a new one takes its place. */
    void replaceCurrent(String dealId) {
        ids.set(cursor, dealId);
        stages.set(cursor, 0);
    }
}
