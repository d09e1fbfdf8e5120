package io.dealflow.platform.web.idempotency;

import io.dealflow.platform.lifecycle.PeriodicTask;
import io.dealflow.platform.web.PlatformHttpProperties;
import io.dealflow.platform.web.PlatformWebAutoConfiguration;
import io.dealflow.platform.web.ProblemResponseWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code Idempotency-Key} support for a servlet service with a database (which must hold the
 * {@code idempotency_keys} table of platform's migration). After Boot's DataSource auto-configuration, whose
 * DataSource it needs, and after {@link PlatformWebAutoConfiguration}, whose problem writer it uses.
 */
@AutoConfiguration(
        after = PlatformWebAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "dealflow.http.idempotency.enabled", matchIfMissing = true)
public class IdempotencyAutoConfiguration {

    /**
     * After the body limit and after where Spring Security would sit (-100), so that a replay is only served to a
     * caller who would have been allowed to make the request.
     */
    public static final int FILTER_ORDER = -50;

    @Bean
    @ConditionalOnMissingBean
    public IdempotencyKeyStore idempotencyKeyStore(DataSource dataSource, PlatformHttpProperties properties) {
        return new IdempotencyKeyStore(dataSource, properties.idempotency(), Clock.systemUTC());
    }

    /** Lets a retry take over this instance's in-flight keys soon after the instance dies, and not before. */
    @Bean
    public PeriodicTask idempotencyOwnerHeartbeat(IdempotencyKeyStore keys, PlatformHttpProperties properties) {
        return PeriodicTask.startingAtOnce("idempotency-owner-heartbeat", properties.idempotency().heartbeat(),
                keys::heartbeat);
    }

    /** Keys live for their retention, then go: without this the table only ever grows. */
    @Bean
    public PeriodicTask idempotencyKeyPurge(IdempotencyKeyStore keys, PlatformHttpProperties properties) {
        Duration retention = properties.idempotency().retention();
        return new PeriodicTask("idempotency-key-purge", properties.idempotency().purgeInterval(),
                () -> keys.purgeOlderThan(retention));
    }

    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeyStore keys,
                                                                       ProblemResponseWriter problems) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(keys, problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
