package io.dealflow.platform.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a refusal's {@link Refusal#properties()} in the order given, which is the order a problem renders them. */
public final class RefusalProperties {

    private RefusalProperties() {
    }

    /** {@code of("stageId", stage, "missingFields", missing)}: names and values, alternating. */
    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Names and values come in pairs");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(properties);
    }
}
