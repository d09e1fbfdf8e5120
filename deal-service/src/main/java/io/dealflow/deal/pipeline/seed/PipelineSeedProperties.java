package io.dealflow.deal.pipeline.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled  define the pipelines found at {@code location} at start-up
 * @param location a Spring resource pattern of YAML pipeline files, one pipeline per file named {@code <id>.yml}
 */
@ConfigurationProperties("dealflow.pipelines.seed")
public record PipelineSeedProperties(boolean enabled, String location) {

    public PipelineSeedProperties {
        location = location == null ? "classpath:pipelines/*.yml" : location;
    }
}
