package io.dealflow.soak;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.dealflow.soak.check.Finding;
import io.dealflow.soak.faults.FaultKind;
import io.dealflow.soak.faults.InjectedFault;
import io.dealflow.soak.ledger.LedgerEntry;
import io.dealflow.soak.ledger.Outcome;
import io.dealflow.soak.traffic.HistoryImports;

/** The table a run ends with (Markdown, so it can go into the README as it is). */
record SoakReport(Duration traffic, List<LedgerEntry> ledger, List<InjectedFault> faults, int storedEvents,
                  int topicRecords, int redelivered, int deals, int handoffs, List<HistoryImports.File> imports,
                  List<Finding> findings, Duration catchUp) {

    boolean passed() {
        return findings.isEmpty() && faults.stream().allMatch(fault -> fault.healthyAt() != null);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        row(out, "figure", "value");
        row(out, "---", "---:");
        row(out, "traffic time", seconds(traffic));
        row(out, "commands sent", Long.toString(ledger.size()));
        row(out, "accepted (2xx)", count(Outcome.ACCEPTED));
        row(out, "refused (4xx)", count(Outcome.REFUSED));
        row(out, "no final answer (retries spent)", count(Outcome.UNKNOWN));
        row(out, "commands retried after a failed attempt", Long.toString(ledger.stream()
                .filter(entry -> entry.attempts() > 1).count()));
        row(out, "deals opened by the soak / handed off", deals + " / " + handoffs);
        long importedDeals = imports.stream().mapToLong(file -> file.eventsByDeal().size()).sum();
        long lost = imports.stream().filter(file -> !"DONE".equals(file.firstRound())).count();
        row(out, "history imports: files (jobs lost to a fault) / deals", imports.size() + " (" + lost + ") / "
                + importedDeals);
        row(out, "imported again: deals imported / refused as already imported", imports.stream()
                .mapToLong(HistoryImports.File::importedSecond).sum() + " / " + imports.stream()
                .mapToLong(HistoryImports.File::alreadyImportedSecond).sum());
        Map<FaultKind, Long> byKind = new TreeMap<>(faults.stream().collect(Collectors.groupingBy(
                fault -> fault.planned().kind(), Collectors.counting())));
        row(out, "faults injected", faults.size() + (byKind.isEmpty() ? "" : " (" + byKind.entrySet().stream()
                .map(entry -> entry.getKey().label() + " " + entry.getValue()).collect(Collectors.joining(", "))
                + ")"));
        row(out, "events checked (event store)", Integer.toString(storedEvents));
        row(out, "topic records read (redelivered copies)", topicRecords + " (" + redelivered + ")");
        row(out, "missing", Long.toString(findings.stream().filter(f -> f.kind().equals("missing")).count()));
        row(out, "duplicated", Long.toString(findings.stream().filter(f -> f.kind().equals("duplicated")).count()));
        row(out, "other findings (out of order, differing)", Long.toString(findings.stream()
                .filter(f -> !f.kind().equals("missing") && !f.kind().equals("duplicated")).count()));
        InjectedFault slowest = faults.stream().filter(fault -> fault.recovery() != null)
                .max(Comparator.comparing(InjectedFault::recovery)).orElse(null);
        long unrecovered = faults.stream().filter(fault -> fault.recovery() == null).count();
        row(out, "longest recovery (fault to all healthy)", slowest == null ? "-" : seconds(slowest.recovery())
                + " (" + slowest.planned().describe() + ")" + (unrecovered > 0 ? "; " + unrecovered
                + " never recovered" : ""));
        LedgerEntry longest = ledger.stream().filter(LedgerEntry::accepted)
                .max(Comparator.comparing(entry -> Duration.between(entry.sentAt(), entry.answeredAt()))).orElse(null);
        row(out, "longest wait for an accepted command", longest == null ? "-"
                : seconds(Duration.between(longest.sentAt(), longest.answeredAt())) + " (" + longest.attempts()
                + " attempts)");
        row(out, "catch-up after the traffic", seconds(catchUp));
        row(out, "result", passed() ? "PASSED" : "FAILED");
        return out.toString();
    }

    private String count(Outcome outcome) {
        return Long.toString(ledger.stream().filter(entry -> entry.outcome() == outcome).count());
    }

    private static void row(StringBuilder out, String figure, String value) {
        out.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
