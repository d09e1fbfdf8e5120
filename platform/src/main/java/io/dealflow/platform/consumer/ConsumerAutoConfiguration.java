package io.dealflow.platform.consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.ResourceTransactionManager;

import javax.sql.DataSource;

/** An {@link IdempotentConsumer} for every service with a DataSource. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnSingleCandidate(DataSource.class)
public class ConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public IdempotentConsumer idempotentConsumer(DataSource dataSource,
                                                 ObjectProvider<PlatformTransactionManager> transactionManagers) {
        return new IdempotentConsumer(dataSource, transactionManagerOf(dataSource, transactionManagers));
    }

    /**
     * The service's own transaction manager when it manages this DataSource (keeping its settings); otherwise, e.g.
     * when the only one is Kafka's, a plain one: the position and the change must share a JDBC transaction.
     */
    private static PlatformTransactionManager transactionManagerOf(
            DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManagers) {
        PlatformTransactionManager unique = transactionManagers.getIfUnique();
        if (unique instanceof ResourceTransactionManager resource && resource.getResourceFactory() == dataSource) {
            return unique;
        }
        return new DataSourceTransactionManager(dataSource);
    }
}
