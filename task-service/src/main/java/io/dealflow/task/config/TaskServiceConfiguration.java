package io.dealflow.task.config;

import io.dealflow.api.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import java.time.Clock;

@Configuration
class TaskServiceConfiguration {

    /** Injectable so that tests can move time forward and watch tasks go overdue. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
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
