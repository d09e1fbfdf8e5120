package io.dealflow.bench.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where a setting comes from: a system property {@code bench.x.y}, else the environment variable {@code BENCH_X_Y},
 * else the default. Tests pass their own map first, so the smoke never depends on the developer's environment.
 */
public final class Settings {

    private final Map<String, String> overrides;

    public Settings(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public String text(String key, String fallback) {
        String value = overrides.get(key);
        if (value == null) {
            value = System.getProperty(key);
        }
        if (value == null) {
            value = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public int integer(String key, int fallback) {
        return Integer.parseInt(text(key, Integer.toString(fallback)).replace("_", ""));
    }

    public double decimal(String key, double fallback) {
        return Double.parseDouble(text(key, Double.toString(fallback)));
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms} or ISO-8601 ({@code PT60S}). */
    public Duration duration(String key, Duration fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        String lower = value.toLowerCase();
        if (lower.startsWith("pt")) {
            return Duration.parse(value);
        }
        if (lower.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
        }
        long amount = Long.parseLong(lower.substring(0, lower.length() - 1));
        return switch (lower.charAt(lower.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException(key + ": not a duration: " + value);
        };
    }

    public List<String> list(String key, String fallback) {
        return Arrays.stream(text(key, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
