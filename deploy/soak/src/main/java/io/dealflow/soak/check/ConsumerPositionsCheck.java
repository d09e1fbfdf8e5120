package io.dealflow.soak.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dealflow.soak.observe.DealEventRecord;

/**
 * Once everything has caught up, a consumer of deal events ({@code consumer_positions}, platform's
 * IdempotentConsumer) stands at every deal's last event: a position behind it is an event never applied, one ahead
 * of it an event the store does not have.
 */
public final class ConsumerPositionsCheck {

    static final String NAME = "consumer-positions";

    /** @param positions deal id to the last sequence the consumer applied */
    public List<Finding> check(String consumer, History history, Map<String, Long> positions) {
        List<Finding> findings = new ArrayList<>();
        history.deals().forEach((dealId, events) -> {
            long last = events.get(events.size() - 1).sequence();
            Long position = positions.get(dealId);
            if (position == null || position != last) {
                findings.add(new Finding(NAME, position != null && position > last ? "duplicated" : "missing",
                        dealId, consumer + " stands at " + (position == null ? "nothing" : "sequence " + position)
                                + ", the deal's last event is " + last + " ("
                                + events.stream().map(DealEventRecord::type).toList().get(events.size() - 1) + ")"));
            }
        });
        positions.keySet().stream().filter(dealId -> history.of(dealId).isEmpty()).forEach(dealId ->
                findings.add(new Finding(NAME, "duplicated", dealId, consumer + " applied events of a deal the"
                        + " event store does not have")));
        return findings;
    }
}
