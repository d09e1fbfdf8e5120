package io.dealflow.ops.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query of the Grafana dashboards, with Grafana's variables and macros replaced the way Grafana would for
 * pipeline {@code sales} and a recent time range, ready to send to Prometheus or PostgreSQL as they are.
 */
final class GrafanaDashboards {

    /** A query and where it comes from, for a failure message that says which panel to fix. */
    record Query(String origin, String text) {
    }

    private static final Map<String, String> PROMQL_VARIABLES = Map.of(
            "pipeline", "sales", "__rate_interval", "1m", "__interval", "1m", "__range", "5m");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");
    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

    private final List<Query> promQl = new ArrayList<>();
    private final List<Query> sql = new ArrayList<>();
    private final List<String> files = new ArrayList<>();

    static GrafanaDashboards load(Path dashboards) throws IOException {
        GrafanaDashboards all = new GrafanaDashboards();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> paths = Files.list(dashboards)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                all.files.add(file.getFileName().toString());
                all.collectPanels(file.getFileName() + " / ", dashboard.path("panels"));
                all.collectVariables(file.getFileName() + " / variable ", dashboard.path("templating").path("list"));
            }
        }
        return all;
    }

    List<Query> promQl() {
        return promQl;
    }

    List<Query> sql() {
        return sql;
    }

    List<String> files() {
        return files;
    }

    private void collectPanels(String origin, JsonNode panels) {
        for (JsonNode panel : panels) {
            collectPanels(origin, panel.path("panels")); // panels inside collapsed rows
            for (JsonNode target : panel.path("targets")) {
                String where = origin + panel.path("title").asString("") + " [" + target.path("refId").asString("") + "]";
                if (target.hasNonNull("expr")) {
                    promQl.add(new Query(where, promQl(target.path("expr").asString())));
                }
                if (target.hasNonNull("rawSql")) {
                    sql.add(new Query(where, sql(target.path("rawSql").asString())));
                }
            }
        }
    }

    /** label_values(m, l) is Grafana's, not PromQL: asked as `count by (l) (m)`, which has a series per value. */
    private void collectVariables(String origin, JsonNode variables) {
        for (JsonNode variable : variables) {
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asString("") : query.asString("");
            String type = variable.path("datasource").path("type").asString("");
            if (text.isBlank()) {
                continue;
            }
            String where = origin + variable.path("name").asString("");
            if (type.equals("prometheus")) {
                Matcher labelValues = LABEL_VALUES.matcher(text.trim());
                promQl.add(new Query(where, labelValues.matches()
                        ? "count by (" + labelValues.group(2) + ") (" + labelValues.group(1) + ")" : promQl(text)));
            } else {
                sql.add(new Query(where, sql(text)));
            }
        }
    }

    private static String promQl(String expr) {
        return substitute(expr, PROMQL_VARIABLES);
    }

    /** $__timeFilter(col) becomes the last day, as Grafana would write it for "Last 24 hours". */
    private static String sql(String rawSql) {
        String withTime = TIME_FILTER.matcher(rawSql)
                .replaceAll(match -> Matcher.quoteReplacement(
                        match.group(1) + " BETWEEN now() - interval '1 day' AND now()"))
                .replace("$__timeFrom()", "(now() - interval '1 day')").replace("$__timeTo()", "now()");
        return substitute(withTime, Map.of("pipeline", "sales"));
    }

    private static String substitute(String text, Map<String, String> values) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String value = values.get(variable.group(1));
            if (value == null) {
                throw new IllegalStateException("No test value for Grafana variable $" + variable.group(1) + " in: " + text);
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(out).toString();
    }
}
