package io.dealflow.soak.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dealflow.soak.observe.DealEventRecord;

/** Deal-service's event store as the checks see it: every deal's events, in sequence order. */
public record History(Map<String, List<DealEventRecord>> deals) {

    public History {
        Map<String, List<DealEventRecord>> sorted = new LinkedHashMap<>();
        deals.forEach((deal, events) -> sorted.put(deal, events.stream()
                .sorted(Comparator.comparingLong(DealEventRecord::sequence)).toList()));
        deals = Map.copyOf(sorted);
    }

    public static History of(Collection<DealEventRecord> events) {
        Map<String, List<DealEventRecord>> byDeal = new LinkedHashMap<>();
        for (DealEventRecord event : events) {
            byDeal.computeIfAbsent(event.dealId(), deal -> new ArrayList<>()).add(event);
        }
        return new History(byDeal);
    }

    public List<DealEventRecord> of(String dealId) {
        return deals.getOrDefault(dealId, List.of());
    }

    public Optional<DealEventRecord> at(String dealId, long sequence) {
        return of(dealId).stream().filter(event -> event.sequence() == sequence).findFirst();
    }

    public Optional<DealEventRecord> opening(String dealId) {
        return at(dealId, 0).filter(event -> "DealOpened".equals(event.type()));
    }

    /** The history without these deals (the imported ones, which no command of the ledger explains). */
    public History without(Set<String> dealIds) {
        Map<String, List<DealEventRecord>> kept = new LinkedHashMap<>(deals);
        kept.keySet().removeAll(dealIds);
        return new History(kept);
    }

    public List<DealEventRecord> all() {
        return deals.values().stream().flatMap(List::stream).toList();
    }

    public int size() {
        return deals.values().stream().mapToInt(List::size).sum();
    }
}
