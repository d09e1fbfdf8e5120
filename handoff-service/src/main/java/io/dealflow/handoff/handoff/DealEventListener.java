package io.dealflow.handoff.handoff;

import io.dealflow.api.Topics;
import io.dealflow.api.json.EventJson;
import io.dealflow.platform.consumer.PollBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** A poll of deal events is one transaction; a record that fails is told apart from the good ones around it. */
@Component
class DealEventListener {

    private final WonDeals wonDeals;
    private final EventJson json = new EventJson();

    DealEventListener(WonDeals wonDeals) {
        this.wonDeals = wonDeals;
    }

    @KafkaListener(id = "handoff-service-deals", topics = Topics.DEAL_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        PollBatches.applyOrIsolate(records, batch ->
                wonDeals.onBatch(batch.stream().map(record -> json.readDealEvent(record.value())).toList()));
    }
}
