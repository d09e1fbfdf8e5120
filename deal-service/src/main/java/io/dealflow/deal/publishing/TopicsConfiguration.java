package io.dealflow.deal.publishing;

import io.dealflow.api.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics deal-service owns, created at start-up when missing (Spring's KafkaAdmin). */
@Configuration
class TopicsConfiguration {

    /**
     * @param dealEventPartitions more partitions let more consumer instances share the deal events; the key (deal
     *                            id) keeps each deal on one partition, in order
     */
    @ConfigurationProperties("dealflow.topics")
    record TopicProperties(int dealEventPartitions, int replicationFactor) {

        TopicProperties {
            dealEventPartitions = dealEventPartitions <= 0 ? 3 : dealEventPartitions;
            replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
        }
    }

    /** Unbounded retention: analytics may replay every deal event from the beginning. */
    @Bean
    NewTopic dealEventsTopic(TopicProperties properties) {
        return TopicBuilder.name(Topics.DEAL_EVENTS)
                .partitions(properties.dealEventPartitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }

    /** One partition, compacted: every version has its own key, so compaction keeps them all. */
    @Bean
    NewTopic pipelineEventsTopic(TopicProperties properties) {
        return TopicBuilder.name(Topics.PIPELINE_EVENTS)
                .partitions(1)
                .replicas(properties.replicationFactor())
                .compact()
                .build();
    }
}
