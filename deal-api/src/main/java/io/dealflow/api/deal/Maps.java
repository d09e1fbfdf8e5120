package io.dealflow.api.deal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

final class Maps {

    private Maps() {
    }

    /** Keeps insertion order (readable JSON) and null values (a cleared field), which {@code Map.copyOf} refuses. */
    static Map<String, String> immutableCopy(Map<String, String> source) {
        return source == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
