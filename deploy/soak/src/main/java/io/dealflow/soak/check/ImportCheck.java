package io.dealflow.soak.check;

import io.dealflow.soak.observe.DealEventRecord;
import io.dealflow.soak.traffic.HistoryImports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports under faults (DESIGN §7, §9): a deal is imported whole or not at all, and importing a file again imports
 * what is missing and nothing twice.
 * <ul>
 *   <li>{@link #wholeOrAbsent}: after the traffic, before the files are imported again, each deal of a file has
 *       either none of its events or all of them, whatever was killed meanwhile;</li>
 *   <li>{@link #complete}: after the second round, each deal has exactly its events, in sequence from 0, and no
 *       job refused a deal for anything but having imported it already.</li>
 * </ul>
 */
public final class ImportCheck {

    static final String NAME = "imports";

    public List<Finding> wholeOrAbsent(List<HistoryImports.File> files, History history) {
        List<Finding> findings = new ArrayList<>();
        for (HistoryImports.File file : files) {
            for (Map.Entry<String, Integer> deal : file.eventsByDeal().entrySet()) {
                int stored = history.of(deal.getKey()).size();
                if (stored != 0 && stored != deal.getValue()) {
                    findings.add(new Finding(NAME, "partial", deal.getKey(), "file " + file.number() + " ("
                            + file.firstRound() + "): " + stored + " of its " + deal.getValue()
                            + " events are stored"));
                }
            }
        }
        return findings;
    }

    public List<Finding> complete(List<HistoryImports.File> files, History history) {
        List<Finding> findings = new ArrayList<>();
        for (HistoryImports.File file : files) {
            if (!"DONE".equals(file.secondRound())) {
                findings.add(new Finding(NAME, "missing", "file " + file.number(),
                        "imported again, it ended " + file.secondRound()));
            }
            if (file.refusals() > 0) {
                findings.add(new Finding(NAME, "differs", "file " + file.number(), file.refusals()
                        + " deals refused, every row being one the rules accept; the first: " + file.firstRefusal()));
            }
            for (Map.Entry<String, Integer> deal : file.eventsByDeal().entrySet()) {
                List<DealEventRecord> events = history.of(deal.getKey());
                boolean inSequence = true;
                for (int i = 0; i < events.size(); i++) {
                    inSequence &= events.get(i).sequence() == i;
                }
                if (events.size() != deal.getValue() || !inSequence) {
                    findings.add(new Finding(NAME, events.size() > deal.getValue() ? "duplicated" : "missing",
                            deal.getKey(), "file " + file.number() + ": " + events.size() + " events stored"
                                    + (inSequence ? "" : " out of sequence") + ", " + deal.getValue() + " imported"));
                }
            }
        }
        return findings;
    }
}
