package io.dealflow.task.config;

import io.dealflow.api.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

import java.time.Clock;

@Configuration
class TaskServiceConfiguration {

    /** Injectable so that tests can move time forward and watch tasks go overdue. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A failing record is retried with growing pauses (a deal event may arrive before its pipeline version) for up to
     * ten minutes, then logged and skipped; a record that is not valid JSON is skipped at once.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(600_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        return handler;
    }

    @Bean
    NewTopic taskEventsTopic(TopicProperties properties) {
        return TopicBuilder.name(Topics.TASK_EVENTS)
                .partitions(properties.taskEventPartitions())
                .replicas(properties.replicationFactor())
                .config("retention.ms", "-1")
                .build();
    }

    @ConfigurationProperties("dealflow.topics")
    record TopicProperties(int taskEventPartitions, int replicationFactor) {

        TopicProperties {
            taskEventPartitions = taskEventPartitions <= 0 ? 3 : taskEventPartitions;
            replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
        }
    }
}
