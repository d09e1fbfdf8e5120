package io.dealflow.soak.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealflow.soak.observe.DealEventRecord;

/**
 * DESIGN §9, "every event reaches Kafka (at least once, in order per deal)": every event of the history is on
 * {@code dealflow.deal-events.v1}, with the same type; nothing is on the topic that the store does not have; and a
 * deal's first copies arrive in sequence order. A later copy of an event already seen is the redelivery the design
 * allows after a crash: counted, not a finding.
 *
 * @see #check(History, List) the topic's records in the order they were read, partition by partition
 */
public final class TopicCheck {

    static final String NAME = "topic";

    /** What the check saw besides its findings: how many copies arrived a second time. */
    public record Result(List<Finding> findings, int records, int redelivered) {
    }

    public Result check(History history, List<DealEventRecord> topic) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Map<Long, DealEventRecord>> firstCopies = new HashMap<>();
        Map<String, Long> lastFirstSequence = new HashMap<>();
        int redelivered = 0;
        for (DealEventRecord record : topic) {
            Map<Long, DealEventRecord> seen = firstCopies.computeIfAbsent(record.dealId(),
                    deal -> new LinkedHashMap<>());
            if (seen.containsKey(record.sequence())) {
                redelivered++;
                continue;
            }
            seen.put(record.sequence(), record);
            Long previous = lastFirstSequence.put(record.dealId(), record.sequence());
            if (previous != null && previous > record.sequence()) {
                findings.add(new Finding(NAME, "out-of-order", record.dealId(), "sequence " + record.sequence()
                        + " arrived first after sequence " + previous));
            }
        }
        for (Map.Entry<String, List<DealEventRecord>> deal : history.deals().entrySet()) {
            Map<Long, DealEventRecord> seen = firstCopies.getOrDefault(deal.getKey(), Map.of());
            for (DealEventRecord stored : deal.getValue()) {
                DealEventRecord published = seen.get(stored.sequence());
                if (published == null) {
                    findings.add(new Finding(NAME, "missing", deal.getKey(), stored.type() + " at sequence "
                            + stored.sequence() + " is in the event store but not on the topic"));
                } else if (!published.type().equals(stored.type())) {
                    findings.add(new Finding(NAME, "differs", deal.getKey(), "sequence " + stored.sequence()
                            + " is " + stored.type() + " in the store and " + published.type() + " on the topic"));
                }
            }
        }
        firstCopies.forEach((deal, seen) -> seen.values().forEach(published -> {
            if (history.at(deal, published.sequence()).isEmpty()) {
                findings.add(new Finding(NAME, "duplicated", deal, published.type() + " at sequence "
                        + published.sequence() + " is on the topic but not in the event store"));
            }
        }));
        return new Result(findings, topic.size(), redelivered);
    }

    /** The first copy of every event, in the order it arrived: what a consumer applying each once would apply. */
    public static List<DealEventRecord> firstCopies(List<DealEventRecord> topic) {
        Map<String, Map<Long, DealEventRecord>> seen = new LinkedHashMap<>();
        List<DealEventRecord> first = new ArrayList<>();
        for (DealEventRecord record : topic) {
            if (seen.computeIfAbsent(record.dealId(), deal -> new HashMap<>()).putIfAbsent(record.sequence(), record)
                    == null) {
                first.add(record);
            }
        }
        return first;
    }
}
