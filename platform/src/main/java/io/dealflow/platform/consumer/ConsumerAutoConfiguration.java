package io.dealflow.platform.consumer;

import io.dealflow.platform.jdbc.JdbcTransactions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

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
        return new IdempotentConsumer(dataSource, JdbcTransactions.managerOf(dataSource, transactionManagers));
    }
}
