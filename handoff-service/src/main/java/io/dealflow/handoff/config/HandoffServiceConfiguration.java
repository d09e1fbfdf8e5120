package io.dealflow.handoff.config;

import io.dealflow.platform.web.ServiceEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class HandoffServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** deal-service, where handed-off deals are opened. */
    @Bean
    @ConfigurationProperties("dealflow.deal-service")
    ServiceEndpoint dealService() {
        return new ServiceEndpoint();
    }
}
