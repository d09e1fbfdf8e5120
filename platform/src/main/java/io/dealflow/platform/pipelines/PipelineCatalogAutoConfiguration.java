package io.dealflow.platform.pipelines;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pipeline catalogue for services that consume pipeline definitions (task-, handoff-service). */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnProperty(prefix = "dealflow.pipeline-catalog", name = "enabled", havingValue = "true")
public class PipelineCatalogAutoConfiguration {

    @Bean
    public PipelineCatalog pipelineCatalog(JdbcClient jdbc) {
        return new PipelineCatalog(jdbc);
    }

    @Bean
    PipelineEventListener pipelineEventListener(PipelineCatalog catalog) {
        return new PipelineEventListener(catalog);
    }
}
