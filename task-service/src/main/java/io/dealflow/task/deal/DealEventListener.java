package io.dealflow.task.deal;

import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Deal events, keyed by deal id: one deal's events arrive in order on one partition. A poll is applied as one
 * batch in one transaction; its offsets are committed after it.
 */
@Component
class DealEventListener {

    private static final Logger log = LoggerFactory.getLogger(DealEventListener.class);

    private final DealFollowUps followUps;
    private final EventJson json = new EventJson();

    DealEventListener(DealFollowUps followUps) {
        this.followUps = followUps;
    }

    @KafkaListener(id = "task-service-deals", topics = Topics.DEAL_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        try {
            followUps.onBatch(records.stream().map(record -> json.readDealEvent(record.value())).toList());
        } catch (RuntimeException batchFailed) {
            log.debug("A batch of {} deal events failed; applying them one by one", records.size(), batchFailed);
            oneByOne(records);
        }
    }

    /**
     * Tells the failing record apart: those before it are applied and committed one by one, and the error handler
     * then treats the failing one as it treats a single record (retried with back-off, or skipped at once when it
     * can never be read), with the offsets before it committed.
     */
    private void oneByOne(List<ConsumerRecord<String, byte[]>> records) {
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            try {
                PublishedEvent<DealEvent> published = json.readDealEvent(record.value());
                followUps.on(published);
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException("Deal event at " + record.topic() + "-" + record.partition()
                        + "@" + record.offset() + " failed", failed, index);
            }
        }
    }
}
