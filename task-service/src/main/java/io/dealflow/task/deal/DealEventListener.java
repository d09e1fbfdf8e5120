package io.dealflow.task.deal;

import io.dealflow.api.Topics;
import io.dealflow.api.json.EventJson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Deal events, keyed by deal id: one deal's events arrive in order on one partition. */
@Component
class DealEventListener {

    private final DealFollowUps followUps;
    private final EventJson json = new EventJson();

    DealEventListener(DealFollowUps followUps) {
        this.followUps = followUps;
    }

    @KafkaListener(id = "task-service-deals", topics = Topics.DEAL_EVENTS)
    void on(byte[] value) {
        followUps.on(json.readDealEvent(value));
    }
}
