package io.dealflow.handoff.route;

import java.util.List;
import java.util.Map;

/**
 * Where a won deal of pipeline {@code from} continues (R7).
 *
 * @param fields  the fields to carry; empty means all of them
 * @param renames field names to change on the way (old → new), applied after choosing the fields
 */
public record Route(String from, String to, Receiver receiver, List<String> fields, Map<String, String> renames) {

    public Route {
        fields = fields == null ? List.of() : List.copyOf(fields);
        renames = renames == null ? Map.of() : Map.copyOf(renames);
    }

    public String name() {
        return from + "->" + to;
    }
}
