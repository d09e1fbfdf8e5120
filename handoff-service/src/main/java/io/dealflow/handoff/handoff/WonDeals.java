package io.dealflow.handoff.handoff;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.handoff.deal.DealSnapshots;
import io.dealflow.platform.consumer.IdempotentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Follows every deal's content and, when a deal is won, records its handoff in the same transaction as the
 * consumer's position: a redelivered {@code DealWon} is skipped, and a crash before the commit redelivers it. A poll's
 * events share one transaction; they are applied exactly as one at a time, in order. A deal won in an imported
 * history hands nothing off.
 */
@Component
class WonDeals {

    static final String CONSUMER = "handoff-service";
    private static final Logger log = LoggerFactory.getLogger(WonDeals.class);

    private final IdempotentConsumer consumer;
    private final DealSnapshots snapshots;
    private final Handoffs handoffs;

    WonDeals(IdempotentConsumer consumer, DealSnapshots snapshots, Handoffs handoffs) {
        this.consumer = consumer;
        this.snapshots = snapshots;
        this.handoffs = handoffs;
    }

    void onBatch(List<PublishedEvent<DealEvent>> batch) {
        consumer.applyNewer(CONSUMER, batch, published -> published.event().dealId(), PublishedEvent::sequence,
                fresh -> fresh.forEach(this::apply));
    }

    private void apply(PublishedEvent<DealEvent> published) {
        DealEvent event = published.event();
        snapshots.apply(event);
        // an imported DealWon (DESIGN §7) was won long ago, in another CRM: whatever followed it happened there
        if (event instanceof DealWon won && !published.imported()) {
            snapshots.find(won.dealId()).ifPresentOrElse(
                    deal -> handoffs.recordIfRouted(deal, won, published.occurredAt()),
                    () -> log.warn("Deal {} was won but its opening was never seen; no handoff", won.dealId()));
        }
    }
}
