package io.dealflow.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a soak run can be told: {@code --name=value} on the command line, or the environment variable
 * {@code SOAK_NAME}; the command line wins.
 *
 * @param duration  how long the traffic runs (default 10 minutes)
 * @param faults    how many faults are injected during it (default 12)
 * @param clients   concurrent clients, each working one deal at a time (default 4)
 * @param pgRestart whether some PostgreSQL faults are a real server restart (default false: the server is shared)
 * @param dbPrefix  the prefix of the soak's own databases (default soak: soak_deal, soak_task, ...)
 * @param workDir   where the launcher's log, its data and the ledger go
 */
public record SoakConfig(Duration duration, int faults, int clients, long seed, boolean pgRestart, String dbPrefix,
                         Path workDir, Path repository) {

    static final String USAGE = """
            Usage: deploy/soak/run.sh [--duration=10m] [--faults=12] [--clients=4] [--seed=N] [--pg-restart=false]
                                      [--db-prefix=soak] [--work-dir=deploy/soak/target/run]
              (or SOAK_DURATION, SOAK_FAULTS, SOAK_CLIENTS, SOAK_SEED, SOAK_PG_RESTART, SOAK_DB_PREFIX, SOAK_WORK_DIR)
              --duration    traffic time: 90s, 2m, PT10M
              --pg-restart  true: every other PostgreSQL fault is `pg_ctlcluster 15 main restart` (a server of one's own only)""";

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smh])");
    private static final Pattern DB_PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,40}");
    private static final List<String> NAMES = List.of("duration", "faults", "clients", "seed", "pg-restart",
            "db-prefix", "work-dir");

    public static SoakConfig from(List<String> args, Map<String, String> env, Path repository) {
        Map<String, String> values = new HashMap<>();
        for (String name : NAMES) {
            String fromEnv = env.get("SOAK_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(name, fromEnv.trim());
            }
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
            values.put(name, arg.substring(equals + 1));
        }
        String prefix = values.getOrDefault("db-prefix", "soak");
        if (!DB_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("db-prefix must be a lower-case identifier, not '" + prefix + "'");
        }
        int faults = number(values, "faults", 12);
        int clients = number(values, "clients", 4);
        if (faults < 0 || clients < 1) {
            throw new IllegalArgumentException("faults must be 0 or more and clients 1 or more\n" + USAGE);
        }
        return new SoakConfig(duration(values.getOrDefault("duration", "10m")), faults, clients,
                Long.parseLong(values.getOrDefault("seed", "20261202")),
                Boolean.parseBoolean(values.getOrDefault("pg-restart", "false")), prefix,
                Path.of(values.getOrDefault("work-dir", repository.resolve("deploy/soak/target/run").toString()))
                        .toAbsolutePath().normalize(), repository);
    }

    static Duration duration(String text) {
        Matcher matcher = SHORT_DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("duration must be like 90s, 2m or PT10M, not '" + text + "'");
        }
    }

    private static int number(Map<String, String> values, String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }
}
