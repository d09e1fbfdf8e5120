package io.dealflow.platform.security;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A service's access rules, one per endpoint: the one place that says who may call what. The security filter
 * chain enforces it and a test proves every handler has exactly one rule, so an endpoint added without a rule
 * fails the build (and, should it ship, is refused to everyone).
 */
public record AccessTable(List<AccessRule> rules) {

    public AccessTable {
        rules = List.copyOf(rules);
        Set<String> endpoints = new HashSet<>();
        for (AccessRule rule : rules) {
            if (!endpoints.add(rule.endpoint())) {
                throw new IllegalArgumentException("Two rules for " + rule.endpoint());
            }
        }
    }

    public static AccessTable of(AccessRule... rules) {
        return new AccessTable(List.of(rules));
    }

    public Optional<AccessRule> rule(String method, String path) {
        return rules.stream().filter(rule -> rule.method().equals(method) && rule.path().equals(path)).findFirst();
    }
}
