package io.dealflow.ops.monitoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The alert rules of deploy/prometheus/alerts.yml, each as the value expressions it compares. A healthy system
 * fires no alert, so a rule's full expression is rightly empty; what must hold is that every value it compares has
 * series: the rule is split at its top-level {@code and}s and each part's trailing {@code <op> <number>} removed.
 * (alerts.yml keeps every rule in that shape and says so.)
 */
final class AlertRules {

    record Rule(String alert, String expr, List<String> values) {
    }

    private static final Pattern THRESHOLD = Pattern.compile("\\s*(==|!=|>=|<=|>|<)\\s*-?[0-9.eE+]+\\s*$");

    private AlertRules() {
    }

    static List<Rule> load(Path alertsYml) throws IOException {
        JsonNode root = YAMLMapper.builder().build().readTree(alertsYml.toFile());
        List<Rule> rules = new ArrayList<>();
        for (JsonNode group : root.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    String expr = rule.path("expr").asString().trim();
                    rules.add(new Rule(rule.path("alert").asString(), expr,
                            splitAtTopLevelAnd(expr).stream().map(AlertRules::withoutThreshold).toList()));
                }
            }
        }
        return rules;
    }

    static String withoutThreshold(String expr) {
        return THRESHOLD.matcher(expr.trim()).replaceFirst("");
    }

    /** Splits at `and` outside parentheses, brackets, braces and strings. */
    static List<String> splitAtTopLevelAnd(String expr) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "([{".indexOf(c) >= 0) {
                depth++;
            } else if (!quoted && ")]}".indexOf(c) >= 0) {
                depth--;
            } else if (!quoted && depth == 0 && expr.startsWith("and", i) && boundary(expr, i - 1)
                    && boundary(expr, i + 3)) {
                parts.add(expr.substring(start, i).trim());
                start = i + 3;
            }
        }
        parts.add(expr.substring(start).trim());
        return parts;
    }

    private static boolean boundary(String text, int index) {
        return index < 0 || index >= text.length() || Character.isWhitespace(text.charAt(index));
    }
}
