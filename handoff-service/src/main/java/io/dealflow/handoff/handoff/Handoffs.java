package io.dealflow.handoff.handoff;

import io.dealflow.api.deal.DealWon;
import io.dealflow.api.id.DealId;
import io.dealflow.handoff.deal.DealSnapshot;
import io.dealflow.handoff.route.ReceiverSelector;
import io.dealflow.handoff.route.Route;
import io.dealflow.handoff.route.Routes;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** R7: a won deal of a routed pipeline is recorded for handoff, with the exact request that will open its copy. */
@Component
class Handoffs {

    private final Routes routes;
    private final ReceiverSelector receivers;
    private final HandoffStore store;
    private final Clock clock;

    Handoffs(Routes routes, ReceiverSelector receivers, HandoffStore store, Clock clock) {
        this.routes = routes;
        this.receivers = receivers;
        this.store = store;
        this.clock = clock;
    }

    void recordIfRouted(DealSnapshot deal, DealWon won, Instant wonAt) {
        Route route = routes.from(won.pipelineId(), won.pipelineVersion()).orElse(null);
        if (route == null) {
            return;
        }
        Instant now = clock.instant();
        String receiver = receivers.next(route).orElse(null);
        HandoffRequest request = new HandoffRequest(new HandoffRequest.OpenDeal(route.to(), deal.title(),
                receiver, carriedFields(route, deal.fields()), deal.tags(), deal.externalRef(), deal.dealId(),
                won.managerId()), deal.attachments());
        DealId source = DealId.of(deal.dealId());
        store.insert(receiver == null ? Handoff.withoutReceiver(source, route, request, wonAt, now)
                : Handoff.pending(source, route, receiver, request, wonAt, now));
    }

    /**
     * A handoff recorded without a receiver (its route named nobody) gets one when a person retries it, from the
     * route and department members as they are configured now; the request it will send names the receiver.
     *
     * @return false when the route still names nobody
     */
    boolean assignReceiver(Handoff handoff) {
        Optional<String> receiver = receivers.next(routes.between(handoff.fromPipelineId(), handoff.toPipelineId()));
        if (receiver.isEmpty()) {
            return false;
        }
        store.assignReceiver(handoff.sourceDealId(), receiver.get(), handoff.request().withReceiver(receiver.get()));
        return true;
    }

    /** All fields unless the route names some; renamed on the way when the route says so. */
    static Map<String, String> carriedFields(Route route, Map<String, String> fields) {
        Map<String, String> carried = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (route.fields().isEmpty() || route.fields().contains(name)) {
                carried.put(route.renames().getOrDefault(name, name), value);
            }
        });
        return carried;
    }
}
