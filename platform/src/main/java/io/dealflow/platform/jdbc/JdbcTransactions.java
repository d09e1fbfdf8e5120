package io.dealflow.platform.jdbc;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.ResourceTransactionManager;

import javax.sql.DataSource;

/** The transaction manager platform's JDBC plumbing runs its work under. */
public final class JdbcTransactions {

    private JdbcTransactions() {
    }

    /**
     * The service's own transaction manager when it manages this DataSource (keeping its settings); otherwise, e.g.
     * when the only one is Kafka's, a plain one: what platform writes must share one JDBC transaction.
     */
    public static PlatformTransactionManager managerOf(DataSource dataSource,
                                                       ObjectProvider<PlatformTransactionManager> transactionManagers) {
        PlatformTransactionManager unique = transactionManagers.getIfUnique();
        if (unique instanceof ResourceTransactionManager resource && resource.getResourceFactory() == dataSource) {
            return unique;
        }
        return new DataSourceTransactionManager(dataSource);
    }
}
