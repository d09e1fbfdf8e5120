package io.dealflow.platform.web;

import io.dealflow.platform.problem.ProblemDetailsAdvice;
import io.dealflow.platform.refusal.RefusalProblems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/**
 * Problem+json errors, load shedding and the request body limit for every servlet service; {@code Idempotency-Key} support is
 * {@link io.dealflow.platform.web.idempotency.IdempotencyAutoConfiguration}'s.
 *
 * <p>Before Web MVC's auto-configuration, whose own problem-details handler (when
 * {@code spring.mvc.problemdetails.enabled}) then stands back.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformHttpProperties.class)
public class PlatformWebAutoConfiguration {

    /**
     * Before every filter that may read a body (only encoding and observation filters come earlier), so that none
     * reads more than the limit.
     */
    public static final int BODY_SIZE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /**
     * After the observation filter, so that a shed request is still counted in {@code http.server.requests} (as a
     * 503), and before everything that costs: authentication, the idempotency store, reading the body.
     */
    public static final int ADMISSION_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    public ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<RefusalProblems> refusalProblems) {
        return new ProblemDetailsAdvice(refusalProblems.orderedStream().toList());
    }

    /** Controllers take an {@link ExpectedVersion} parameter instead of parsing {@code If-Match} themselves. */
    @Bean
    public WebMvcConfigurer expectedVersionArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ExpectedVersionArgumentResolver());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemResponseWriter problemResponseWriter() {
        return new ProblemResponseWriter();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dealflow.http.admission.enabled", matchIfMissing = true)
    public FilterRegistrationBean<AdmissionFilter> admissionFilter(PlatformHttpProperties properties,
                                                                   ProblemResponseWriter problems,
                                                                   ObjectProvider<MeterRegistry> meters) {
        FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(new AdmissionFilter(
                properties.admission(), problems, meters.getIfAvailable(() -> Metrics.globalRegistry)));
        registration.setOrder(ADMISSION_ORDER);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<RequestBodySizeLimitFilter> requestBodySizeLimitFilter(
            PlatformHttpProperties properties, ProblemResponseWriter problems) {
        FilterRegistrationBean<RequestBodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodySizeLimitFilter(properties.maxBodyBytes(), properties.streamedBodies(), problems));
        registration.setOrder(BODY_SIZE_LIMIT_ORDER);
        return registration;
    }
}
