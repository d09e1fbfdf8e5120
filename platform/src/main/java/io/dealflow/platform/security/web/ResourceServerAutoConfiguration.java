package io.dealflow.platform.security.web;

import io.dealflow.platform.security.AccessRule;
import io.dealflow.platform.security.AccessTable;
import io.dealflow.platform.web.PlatformWebAutoConfiguration;
import io.dealflow.platform.web.ProblemResponseWriter;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;

/**
 * Every Dealflow service is an OAuth 2.0 resource server (DESIGN §6): a bearer JWT on every API request, checked
 * for signature, issuer, audience and expiry against a standard issuer, then the service's {@link AccessTable}.
 * The services only state their table; this is the one place that says how it is enforced.
 *
 * <p>Actuator's health and Prometheus endpoints are open on the management port (the API port serves no actuator
 * endpoint), and the OpenAPI document is public. A handler that no rule names is refused to everyone.
 *
 * <p>Ordered before Boot's own web-security, management-security, user-details and resource-server
 * configurations so that this filter chain and decoder are the ones in place: those defaults then back off (they
 * are conditional on no chain being defined) instead of adding a second chain with a generated password. Nothing
 * is switched off by the ordering; every request still passes this chain.
 */
@AutoConfiguration(after = PlatformWebAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(DealflowSecurityProperties.class)
public class ResourceServerAutoConfiguration {

    /** What every service serves without a token, on its API port. */
    static final List<String> PUBLIC_PATHS = List.of("/v3/api-docs", "/v3/api-docs/**");

    /**
     * Discovery (or the key set) is fetched on the first request, not at start-up, so a service starts while its
     * issuer is still starting; each token is then checked against the issuer's keys and these validators.
     */
    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder jwtDecoder(DealflowSecurityProperties properties) {
        String issuer = properties.issuerUri();
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("dealflow.security.issuer-uri is not set: point DEALFLOW_OAUTH_ISSUER_URI"
                    + " at the issuer of Dealflow's access tokens (the local default is http://127.0.0.1:9000)");
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), new JwtAudienceValidator(properties.audience()));
        String jwkSetUri = properties.jwkSetUri();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (jwkSetUri == null || jwkSetUri.isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(issuer)
                    : NimbusJwtDecoder.withJwkSetUri(jwkSetUri)).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain dealflowApiSecurity(HttpSecurity http, ObjectProvider<AccessTable> tables,
                                                   JwtDecoder jwtDecoder, ProblemResponseWriter problems,
                                                   @Qualifier("requestMappingHandlerMapping")
                                                   RequestMappingHandlerMapping handlers) {
        AccessTable table = tables.getIfAvailable(() -> {
            throw new IllegalStateException("A Dealflow service states who may call its endpoints: declare an"
                    + " AccessTable bean");
        });
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http
                // bearer tokens only: no session, no cookie, so nothing for a cross-site request to ride on
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(new CallerTokenConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .authorizeHttpRequests(requests -> {
                    // Boot's error page renders a failure of a request that was already authorized
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    // on the management port only (EndpointRequest knows it): probes and scrapes carry no token
                    requests.requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll();
                    PUBLIC_PATHS.forEach(path -> requests.requestMatchers(paths.matcher(path)).permitAll());
                    for (AccessRule rule : table.rules()) {
                        requests.requestMatchers(paths.matcher(HttpMethod.valueOf(rule.method()), rule.path()))
                                .access(new AccessRuleAuthorization(rule));
                    }
                    requests.anyRequest().access(AccessRuleAuthorization.noRule(handlers));
                });
        return http.build();
    }

    /** Controllers take {@code Caller} and {@code Actor} parameters instead of reading headers. */
    @Bean
    public WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
