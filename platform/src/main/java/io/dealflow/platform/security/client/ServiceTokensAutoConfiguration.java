package io.dealflow.platform.security.client;

import io.dealflow.platform.security.web.DealflowSecurityProperties;
import io.dealflow.platform.security.web.ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

/**
 * For a service that calls another (task-service's stale close, handoff-service's handoff): its own client
 * credentials, managed by Spring Security's OAuth2 client support. On when {@code dealflow.security.client.client-id}
 * is set.
 */
@AutoConfiguration(after = ResourceServerAutoConfiguration.class,
        beforeName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnClass(OAuth2AuthorizedClientManager.class)
@ConditionalOnProperty(prefix = "dealflow.security.client", name = "client-id")
@EnableConfigurationProperties(DealflowSecurityProperties.class)
public class ServiceTokensAutoConfiguration {

    @Bean
    ClientRegistrationRepository dealflowClientRegistration(DealflowSecurityProperties properties) {
        return new DiscoveredClientRegistration(properties.issuerUri(), properties.client());
    }

    @Bean
    OAuth2AuthorizedClientService dealflowAuthorizedClients(ClientRegistrationRepository registrations) {
        return new InMemoryOAuth2AuthorizedClientService(registrations);
    }

    /** Not tied to an HTTP request: the calls are made by scheduled scans and executors. */
    @Bean
    OAuth2AuthorizedClientManager dealflowAuthorizedClientManager(ClientRegistrationRepository registrations,
                                                                  OAuth2AuthorizedClientService clients) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials()
                .build());
        return manager;
    }

    @Bean
    ServiceTokenInterceptor serviceTokenInterceptor(OAuth2AuthorizedClientManager manager,
                                                    OAuth2AuthorizedClientService clients,
                                                    DealflowSecurityProperties properties) {
        // the service itself is the principal, whichever thread (or request of someone else) makes the call
        Authentication service = UsernamePasswordAuthenticationToken.authenticated(properties.client().clientId(),
                null, AuthorityUtils.NO_AUTHORITIES);
        OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(manager);
        tokens.setClientRegistrationIdResolver(request -> DiscoveredClientRegistration.REGISTRATION_ID);
        tokens.setPrincipalResolver(request -> service);
        tokens.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
        return new ServiceTokenInterceptor(tokens);
    }
}
