package io.dealflow.deal.config;

import io.dealflow.deal.deal.command.ImportEndMarkingStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the storage engine Axon's JDBC auto-configuration builds, rather than building one here: its serializers,
 * schema and transaction wiring stay Axon's, and only the append gains the end-of-import mark.
 */
@Configuration(proxyBeanMethods = false)
class ImportEndConfiguration {

    /** Static: a post-processor is created before the other beans of its configuration. */
    @Bean
    static BeanPostProcessor importEndMarking() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EventStorageEngine engine && !(bean instanceof ImportEndMarkingStorageEngine)
                        ? new ImportEndMarkingStorageEngine(engine)
                        : bean;
            }
        };
    }
}
