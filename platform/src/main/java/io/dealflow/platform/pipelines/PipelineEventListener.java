package io.dealflow.platform.pipelines;

import io.dealflow.api.Topics;
import io.dealflow.api.json.EventJson;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the catalogue: every version ever defined, replayed from the compacted topic's beginning on a new group. */
class PipelineEventListener {

    private final PipelineCatalog catalog;
    private final EventJson json = new EventJson();

    PipelineEventListener(PipelineCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * One group per service (its instances share a database, so one of them keeps the catalogue); a test that runs
     * two contexts of one service on two databases gives each its own group.
     */
    @KafkaListener(id = "${spring.application.name}-pipelines", topics = Topics.PIPELINE_EVENTS, concurrency = "1",
            groupId = "${dealflow.pipeline-catalog.consumer-group:${spring.application.name}-pipelines}")
    void on(byte[] value) {
        catalog.add(json.readPipelineDefined(value).event());
    }
}
