package io.dealflow.soak.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dealflow.soak.ledger.CommandKind;
import io.dealflow.soak.ledger.LedgerEntry;
import io.dealflow.soak.ledger.Outcome;
import io.dealflow.soak.observe.DealEventRecord;

/**
 * DESIGN §9, "every command answered 2xx has exactly one event": each accepted deal command has its event in
 * deal-service's history at the version its answer named, of the type its kind makes; every opening the soak asked
 * for exists once (deals are told apart by the soak's {@code externalRef}); a refused command left nothing; and no
 * event of the history is left that no command explains, which is what a command applied twice looks like. A
 * command whose answer never came may have left one event, not two. The deals handoff-service opened are explained by
 * their {@code originDealId}, their attachments by the handoff too.
 */
public final class CommandEffectsCheck {

    static final String NAME = "command-effects";

    public List<Finding> check(List<LedgerEntry> ledger, History history) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Set<Long>> claimed = new HashMap<>();
        checkOpenings(ledger, history, findings, claimed);
        List<LedgerEntry> withoutVersion = new ArrayList<>();
        for (LedgerEntry entry : ledger) {
            if (entry.kind() == CommandKind.OPEN || entry.kind().eventType().isEmpty() || entry.dealId() == null) {
                continue;
            }
            String type = entry.kind().eventType().orElseThrow();
            if (entry.outcome() == Outcome.ACCEPTED && entry.version() != null) {
                DealEventRecord event = history.at(entry.dealId(), entry.version()).orElse(null);
                if (event == null || !event.type().equals(type)) {
                    findings.add(new Finding(NAME, "missing", entry.dealId(), "command #" + entry.id() + " ("
                            + entry.kind() + ") was answered " + entry.status() + " with version " + entry.version()
                            + ", but the history has " + (event == null ? "no event" : event.type()) + " there"));
                } else if (!claimed.computeIfAbsent(entry.dealId(), deal -> new HashSet<>()).add(entry.version())) {
                    findings.add(new Finding(NAME, "duplicated", entry.dealId(), "command #" + entry.id()
                            + " was answered with version " + entry.version() + ", which another command was answered"
                            + " with too"));
                }
            } else if (entry.outcome() != Outcome.REFUSED) {
                withoutVersion.add(entry);
            }
        }
        // an answer without a version (or none at all) claims the first event of its type nobody claimed yet
        for (LedgerEntry entry : withoutVersion) {
            String type = entry.kind().eventType().orElseThrow();
            Set<Long> taken = claimed.computeIfAbsent(entry.dealId(), deal -> new HashSet<>());
            DealEventRecord event = history.of(entry.dealId()).stream()
                    .filter(candidate -> candidate.type().equals(type) && !taken.contains(candidate.sequence()))
                    .findFirst().orElse(null);
            if (event != null) {
                taken.add(event.sequence());
            } else if (entry.accepted()) {
                findings.add(new Finding(NAME, "missing", entry.dealId(), "command #" + entry.id() + " ("
                        + entry.kind() + ") was answered " + entry.status() + " but the history has no " + type
                        + " for it"));
            }
        }
        for (Map.Entry<String, List<DealEventRecord>> deal : history.deals().entrySet()) {
            boolean handedOff = history.opening(deal.getKey()).map(open -> open.originDealId() != null).orElse(false);
            for (DealEventRecord event : deal.getValue()) {
                if (claimed.getOrDefault(deal.getKey(), Set.of()).contains(event.sequence())
                        || handedOff && "DealDocumentAttached".equals(event.type())) {
                    continue;
                }
                findings.add(new Finding(NAME, "duplicated", deal.getKey(), event.type() + " at sequence "
                        + event.sequence() + " is explained by no command of the ledger (a command applied twice?)"));
            }
        }
        return findings;
    }

    private static void checkOpenings(List<LedgerEntry> ledger, History history, List<Finding> findings,
                                      Map<String, Set<Long>> claimed) {
        Map<String, List<String>> dealsByRef = new HashMap<>();
        for (DealEventRecord event : history.all()) {
            if ("DealOpened".equals(event.type())) {
                if (event.originDealId() != null) {
                    // a handed-off deal carries its origin's externalRef along with every other field (R7)
                    claimed.computeIfAbsent(event.dealId(), deal -> new HashSet<>()).add(event.sequence());
                } else if (event.externalRef() != null) {
                    dealsByRef.computeIfAbsent(event.externalRef(), ref -> new ArrayList<>()).add(event.dealId());
                }
            }
        }
        for (LedgerEntry entry : ledger) {
            if (entry.kind() != CommandKind.OPEN) {
                continue;
            }
            List<String> opened = dealsByRef.getOrDefault(entry.externalRef(), List.of());
            opened.forEach(deal -> claimed.computeIfAbsent(deal, d -> new HashSet<>()).add(0L));
            String subject = entry.dealId() != null ? entry.dealId() : entry.externalRef();
            if (opened.size() > 1) {
                findings.add(new Finding(NAME, "duplicated", subject, "command #" + entry.id() + " (open "
                        + entry.externalRef() + ", " + entry.outcome() + " after " + entry.attempts()
                        + " attempts) opened " + opened.size() + " deals: " + opened));
            } else if (entry.accepted() && (opened.isEmpty() || !opened.contains(entry.dealId()))) {
                findings.add(new Finding(NAME, "missing", subject, "command #" + entry.id() + " (open "
                        + entry.externalRef() + ") was answered " + entry.status() + " with deal " + entry.dealId()
                        + ", but the history opened " + (opened.isEmpty() ? "none" : opened)));
            } else if (entry.outcome() == Outcome.REFUSED && !opened.isEmpty()) {
                findings.add(new Finding(NAME, "duplicated", subject, "command #" + entry.id() + " (open "
                        + entry.externalRef() + ") was refused with " + entry.status() + " yet opened " + opened));
            }
        }
    }
}
