package io.dealflow.analytics.projection;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The stages a deal has been in, kept on its row as one text value ({@code "1:new-inquiry,1:proposal"}) so that the
 * deals' multi-row upsert stays one {@code unnest} of flat arrays. Stage ids are slugs ({@code [a-z][a-z0-9-]*}), so
 * neither separator can occur in them.
 */
final class VisitedStages {

    private VisitedStages() {
    }

    static String key(int pipelineVersion, String stageId) {
        return pipelineVersion + ":" + stageId;
    }

    static List<String> parse(String visited) {
        return visited == null || visited.isEmpty() ? List.of() : Arrays.asList(visited.split(","));
    }

    static String format(Set<String> visited) {
        return String.join(",", visited);
    }
}
