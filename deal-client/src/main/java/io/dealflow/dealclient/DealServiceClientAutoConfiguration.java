package io.dealflow.dealclient;

import io.dealflow.platform.security.client.ServiceTokenInterceptor;
import io.dealflow.platform.security.client.ServiceTokensAutoConfiguration;
import io.dealflow.platform.web.ServiceEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The deal-service client of a service that calls deal-service with its own token: where deal-service is, how long
 * to wait and how often to try are {@code dealflow.deal-service.*} ({@code url}, {@code timeout}, {@code attempts},
 * {@code first-backoff}).
 */
@AutoConfiguration(after = ServiceTokensAutoConfiguration.class)
@ConditionalOnBean(ServiceTokenInterceptor.class)
public class DealServiceClientAutoConfiguration {

    @Bean
    @ConfigurationProperties("dealflow.deal-service")
    ServiceEndpoint dealServiceEndpoint() {
        return new ServiceEndpoint();
    }

    @Bean
    @ConditionalOnMissingBean
    DealServiceClient dealServiceClient(ServiceEndpoint dealServiceEndpoint, ServiceTokenInterceptor serviceToken) {
        return new DealServiceClient(dealServiceEndpoint, serviceToken);
    }
}
