package io.dealflow.handoff.handoff;

import io.dealflow.api.Topics;
import io.dealflow.api.json.EventJson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DealEventListener {

    private final WonDeals wonDeals;
    private final EventJson json = new EventJson();

    DealEventListener(WonDeals wonDeals) {
        this.wonDeals = wonDeals;
    }

    @KafkaListener(id = "handoff-service-deals", topics = Topics.DEAL_EVENTS)
    void on(byte[] value) {
        wonDeals.on(json.readDealEvent(value));
    }
}
