package io.dealflow.platform.web;

import io.dealflow.platform.problem.ProblemDetailsAdvice;
import io.dealflow.platform.web.idempotency.IdempotencyFilter;
import io.dealflow.platform.web.idempotency.IdempotencyKeyStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import javax.sql.DataSource;

/**
 * Problem+json errors, the request body limit and {@code Idempotency-Key} support for every servlet service.
 *
 * <p>After Boot's DataSource configuration, so that the idempotency store finds the DataSource; before Web MVC's,
 * whose own problem-details handler (when {@code spring.mvc.problemdetails.enabled}) then stands back.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformHttpProperties.class)
public class PlatformWebAutoConfiguration {

    /** First of all filters that may read a body (only encoding and observation come earlier), so none reads too much. */
    public static final int BODY_SIZE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    /**
     * After the body limit and after where Spring Security would sit (-100), so that a replay is only served to a
     * caller who would have been allowed to make the request.
     */
    public static final int IDEMPOTENCY_ORDER = -50;

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    public ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemResponseWriter problemResponseWriter() {
        return new ProblemResponseWriter();
    }

    @Bean
    public FilterRegistrationBean<RequestBodySizeLimitFilter> requestBodySizeLimitFilter(
            PlatformHttpProperties properties, ProblemResponseWriter problems) {
        FilterRegistrationBean<RequestBodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodySizeLimitFilter(properties.maxBodyBytes(), problems));
        registration.setOrder(BODY_SIZE_LIMIT_ORDER);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnBooleanProperty(name = "dealflow.http.idempotency.enabled", matchIfMissing = true)
    static class IdempotencyConfiguration {

        @Bean
        @ConditionalOnMissingBean
        IdempotencyKeyStore idempotencyKeyStore(DataSource dataSource, PlatformHttpProperties properties) {
            return new IdempotencyKeyStore(dataSource, properties.idempotency().inFlightTimeout());
        }

        @Bean
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeyStore keys,
                                                                    ProblemResponseWriter problems) {
            FilterRegistrationBean<IdempotencyFilter> registration =
                    new FilterRegistrationBean<>(new IdempotencyFilter(keys, problems));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(IDEMPOTENCY_ORDER);
            return registration;
        }
    }
}
