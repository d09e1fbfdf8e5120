package io.dealflow.api.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;

/** The one JSON configuration of the published language, shared by producers and consumers. */
public final class DealflowJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private DealflowJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Instants and durations as ISO-8601 text; unknown properties ignored, so a consumer keeps working when a
     * producer adds a field (adding is allowed within a {@code .vN} contract, renaming is not). Instants are
     * read through {@link IsoInstants}' fast path for the form every producer writes.
     */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .addModule(new SimpleModule("dealflow-instants").addDeserializer(Instant.class,
                        new IsoInstantDeserializer()));
    }
}
