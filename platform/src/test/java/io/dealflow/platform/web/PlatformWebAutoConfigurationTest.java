package io.dealflow.platform.web;

import io.dealflow.platform.consumer.ConsumerAutoConfiguration;
import io.dealflow.platform.consumer.IdempotentConsumer;
import io.dealflow.platform.problem.ProblemDetailsAdvice;
import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import io.dealflow.platform.web.idempotency.IdempotencyAutoConfiguration;
import io.dealflow.platform.web.idempotency.IdempotencyFilter;
import io.dealflow.platform.web.idempotency.IdempotencyKeyStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformWebAutoConfigurationTest {

    private static TestDatabase database;

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformWebAutoConfiguration.class,
                    IdempotencyAutoConfiguration.class));

    @BeforeAll
    static void createDatabase() {
        database = TestInfrastructure.newDatabase("platform_autoconfig");
    }

    @Test
    void bothAutoConfigurationsAreRegistered() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(PlatformWebAutoConfiguration.class.getName(), IdempotencyAutoConfiguration.class.getName(),
                        ConsumerAutoConfiguration.class.getName());
    }

    @Test
    void theBodyLimitIs64KiBAndIdempotencyIsOnUnlessConfiguredOtherwise() {
        web.run(context -> {
            PlatformHttpProperties properties = context.getBean(PlatformHttpProperties.class);
            assertThat(properties.maxBodyBytes()).isEqualTo(64 * 1024);
            assertThat(properties.idempotency().enabled()).isTrue();
            assertThat(properties.idempotency().inFlightTimeout()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void requestsAreAdmittedSixtyFourAtATimeBeforeAnythingReadsThemUnlessSwitchedOff() {
        web.run(context -> {
            PlatformHttpProperties.Admission admission = context.getBean(PlatformHttpProperties.class).admission();
            assertThat(admission.maxConcurrent()).isEqualTo(64);
            assertThat(admission.maxWait()).isEqualTo(Duration.ofMillis(100));
            assertThat(admission.retryAfterSeconds()).isEqualTo(1);
            FilterRegistrationBean<?> admissionFilter =
                    context.getBean("admissionFilter", FilterRegistrationBean.class);
            FilterRegistrationBean<?> limit =
                    context.getBean("requestBodySizeLimitFilter", FilterRegistrationBean.class);
            assertThat(admissionFilter.getFilter()).isInstanceOf(AdmissionFilter.class);
            assertThat(admissionFilter.getOrder()).isLessThan(limit.getOrder());
        });
        web.withPropertyValues("dealflow.http.admission.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("admissionFilter"));
    }

    @Test
    void withoutADataSourceProblemsAndTheBodyLimitStillApplyButIdempotencyDoesNot() {
        web.run(context -> {
            assertThat(context).hasSingleBean(ProblemDetailsAdvice.class);
            assertThat(context).hasBean("requestBodySizeLimitFilter");
            assertThat(context).doesNotHaveBean(IdempotencyKeyStore.class);
        });
    }

    @Test
    void withADataSourceTheIdempotencyFilterRunsAfterTheBodyLimit() {
        web.withUserConfiguration(DatabaseConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(IdempotencyKeyStore.class);
            FilterRegistrationBean<?> limit =
                    context.getBean("requestBodySizeLimitFilter", FilterRegistrationBean.class);
            FilterRegistrationBean<?> idempotency =
                    context.getBean("idempotencyFilter", FilterRegistrationBean.class);
            assertThat(idempotency.getFilter()).isInstanceOf(IdempotencyFilter.class);
            assertThat(idempotency.getUrlPatterns()).containsExactly("/api/*");
            assertThat(limit.getOrder()).isLessThan(idempotency.getOrder());
        });
    }

    @Test
    void idempotencyCanBeSwitchedOff() {
        web.withUserConfiguration(DatabaseConfiguration.class)
                .withPropertyValues("dealflow.http.idempotency.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(IdempotencyKeyStore.class));
    }

    @Test
    void aServicesOwnExceptionHandlerReplacesTheAdvice() {
        web.withUserConfiguration(OwnExceptionHandler.class)
                .run(context -> assertThat(context).doesNotHaveBean(ProblemDetailsAdvice.class));
    }

    @Test
    void nothingWebRelatedIsConfiguredOutsideAWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlatformWebAutoConfiguration.class,
                        IdempotencyAutoConfiguration.class))
                .withUserConfiguration(DatabaseConfiguration.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ProblemDetailsAdvice.class);
                    assertThat(context).doesNotHaveBean(IdempotencyKeyStore.class);
                });
    }

    @Test
    void theIdempotentConsumerNeedsADataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConsumerAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(IdempotentConsumer.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConsumerAutoConfiguration.class))
                .withUserConfiguration(DatabaseConfiguration.class)
                .run(context -> assertThat(context).hasSingleBean(IdempotentConsumer.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class DatabaseConfiguration {

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new Driver(), database.jdbcUrl(), database.username(),
                    database.password());
        }

        @Bean
        DataSourceTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnExceptionHandler {

        @Bean
        ResponseEntityExceptionHandler ownExceptionHandler() {
            return new ResponseEntityExceptionHandler() {
            };
        }
    }
}
