package io.dealflow.soak.check;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.dealflow.soak.ledger.CommandKind;
import io.dealflow.soak.ledger.LedgerEntry;
import io.dealflow.soak.ledger.Outcome;
import io.dealflow.soak.observe.DealEventRecord;

/** Deal events and ledger entries for the checks' tests, one line each. */
final class SoakMother {

    static final Instant T0 = Instant.parse("2030-01-15T09:00:00Z");
    private static final AtomicLong IDS = new AtomicLong();

    private SoakMother() {
    }

    static DealEventRecord opened(String deal, String ref, String stage, String manager) {
        return new DealEventRecord(deal, 0, "DealOpened", "sales", 1, stage, null, manager, null, ref, null, T0);
    }

    static DealEventRecord handedOff(String deal, String pipeline, String origin) {
        return new DealEventRecord(deal, 0, "DealOpened", pipeline, 1, "standard-contract-sent", null, "anna", null,
                null, origin, T0);
    }

    static DealEventRecord moved(String deal, long seq, String to, String direction, String manager) {
        return new DealEventRecord(deal, seq, "DealStageChanged", "sales", 1, to, direction, manager, null, null,
                null, T0.plusSeconds(seq * 60));
    }

    static DealEventRecord fields(String deal, long seq) {
        return new DealEventRecord(deal, seq, "DealFieldsUpdated", "sales", 1, null, null, null, null, null, null,
                T0.plusSeconds(seq * 60));
    }

    static DealEventRecord won(String deal, long seq, String stage, String manager) {
        return new DealEventRecord(deal, seq, "DealWon", "sales", 1, stage, null, manager, null, null, null,
                T0.plusSeconds(seq * 60));
    }

    static DealEventRecord lost(String deal, long seq, String stage, String manager, String reason) {
        return new DealEventRecord(deal, seq, "DealLost", "sales", 1, stage, null, manager, reason, null, null,
                T0.plusSeconds(seq * 60));
    }

    static LedgerEntry open(String deal, String ref, Outcome outcome) {
        return entry(CommandKind.OPEN, deal, ref, null, outcome, outcome == Outcome.ACCEPTED ? 0L : null);
    }

    static LedgerEntry command(CommandKind kind, String deal, Outcome outcome, Long version) {
        return entry(kind, deal, null, null, outcome, version);
    }

    static LedgerEntry move(String deal, String stage, Outcome outcome, Long version) {
        return entry(CommandKind.MOVE, deal, null, stage, outcome, version);
    }

    static LedgerEntry complete(String deal, String stage) {
        return entry(CommandKind.COMPLETE_TASK, deal, null, stage, Outcome.ACCEPTED, null);
    }

    private static LedgerEntry entry(CommandKind kind, String deal, String ref, String stage, Outcome outcome,
                                     Long version) {
        int status = switch (outcome) {
            case ACCEPTED -> kind == CommandKind.OPEN ? 201 : 200;
            case REFUSED -> 422;
            case UNKNOWN -> 0;
        };
        long id = IDS.incrementAndGet();
        return new LedgerEntry(id, kind, deal, kind == CommandKind.OPEN ? "sales" : null, ref, stage, "key-" + id,
                outcome, status, version, null, 1, T0, T0);
    }
}
