package io.dealflow.platform.jdbc.maintenance;

import io.dealflow.platform.lifecycle.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Duration;

/** Every service with a database keeps its tables' statistics fresh where the server's autovacuum does not. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "dealflow.db.maintenance", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public class TableMaintenanceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public TableMaintenance tableMaintenance(DataSource dataSource,
                                             @Value("${dealflow.db.maintenance.interval:PT30S}") Duration interval) {
        return new TableMaintenance(dataSource, interval);
    }

    @Bean
    public PeriodicTask tableMaintenanceTask(TableMaintenance tableMaintenance,
                                             @Value("${dealflow.db.maintenance.interval:PT30S}") Duration interval) {
        return new PeriodicTask("table-maintenance", interval, tableMaintenance::maintain);
    }
}
