package io.dealflow.task.deal;

import io.dealflow.api.Topics;
import io.dealflow.api.json.EventJson;
import io.dealflow.platform.consumer.PollBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Deal events, keyed by deal id: one deal's events arrive in order on one partition. A poll is applied as one
 * batch in one transaction (a failing record is told apart by {@link PollBatches}); its offsets are committed after.
 */
@Component
class DealEventListener {

    private final DealFollowUps followUps;
    private final EventJson json = new EventJson();

    DealEventListener(DealFollowUps followUps) {
        this.followUps = followUps;
    }

    @KafkaListener(id = "task-service-deals", topics = Topics.DEAL_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        PollBatches.applyOrIsolate(records, batch ->
                followUps.onBatch(batch.stream().map(record -> json.readDealEvent(record.value())).toList()));
    }
}
