package io.dealflow.platform.json;

import io.dealflow.api.json.DealflowJson;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** REST bodies use the same JSON conventions as the events (ISO-8601 instants and durations). */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class JsonAutoConfiguration {

    @Bean
    public JsonMapperBuilderCustomizer dealflowJsonConventions() {
        return DealflowJson::configure;
    }
}
