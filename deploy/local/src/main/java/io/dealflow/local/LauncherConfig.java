package io.dealflow.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Everything a local run can be told, from environment variables and the command line. */
record LauncherConfig(int kafkaPort, int kafkaPartitions, String pgHost, int pgPort, String pgUser, String pgPassword,
                      Path dataDir, Path servicesDir, boolean reset, String dbPrefix, boolean demo, double demoRate,
                      int demoHistoryDeals, List<String> serviceJvmOptions, Map<String, String> environment) {

    /**
     * Five JVMs, PostgreSQL and Kafka share two cores here: the serial collector, which needs no GC threads of its
     * own and keeps an idle heap small. Each service's heap bound comes before these ({@link #jvmOptionsOf}), so an
     * {@code -Xmx} here overrides it.
     */
    static final String DEFAULT_SERVICE_JVM_OPTIONS = "-Xms64m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError";

    /**
     * glibc gives a process up to eight malloc arenas per core, each growing on its own; a JVM with a few hundred
     * threads (Tomcat's, Kafka's, Hikari's) held 10-30 MB in each. Two arenas cost little contention at two cores.
     */
    static final String DEFAULT_MALLOC_ARENA_MAX = "2";

    /** A year of history in a few seconds of import: enough for every dashboard to show a distribution. */
    static final int DEFAULT_DEMO_HISTORY_DEALS = 300;

    /** The prefix goes into CREATE/DROP DATABASE unquoted, so only a plain lower-case identifier is accepted. */
    private static final Pattern DB_PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,40}");
    private static final List<String> FLAGS = List.of("--reset", "--demo");

    static final String USAGE = """
            Usage: run-local.sh [--reset] [--demo]
              --reset   start from empty Kafka topics and empty service databases (also DEALFLOW_RESET=true);
                        otherwise both are kept between runs. They are reset together: one local state.
                      PostgreSQL databases are always kept.
              --demo    once every service is UP, drive demo deals through all pipelines over the REST APIs
                        until stopped (also DEALFLOW_DEMO=true; DEALFLOW_DEMO_RATE new deals per second, 0.5),
                        after importing a year of sales history (DEALFLOW_DEMO_HISTORY_DEALS deals, 300; 0: none)
            Environment (defaults): DEALFLOW_KAFKA_PORT (9092), DEALFLOW_KAFKA_PARTITIONS (3),
              DEALFLOW_PG_HOST (127.0.0.1), DEALFLOW_PG_PORT (5432), DEALFLOW_PG_USER (postgres), DEALFLOW_PG_PASSWORD (empty),
              DEALFLOW_DATA_DIR (./.dealflow), DEALFLOW_SERVICES_DIR (services/ beside the launcher jar), DEAL_SERVICE_PORT (8081), TASK_SERVICE_PORT (8082),
              HANDOFF_SERVICE_PORT (8083), ANALYTICS_SERVICE_PORT (8084), DEAL_MANAGEMENT_PORT (9081),
              TASK_MANAGEMENT_PORT (9082), HANDOFF_MANAGEMENT_PORT (9083), ANALYTICS_MANAGEMENT_PORT (9084),
              DEALFLOW_AUTH_PORT (9000: the local authorization server), DEALFLOW_OAUTH_ISSUER_URI (another issuer,
              e.g. a Keycloak realm: then no local authorization server is started),
              DEALFLOW_DB_PREFIX (dealflow: databases dealflow_deal, dealflow_task, ...),
              DEALFLOW_CONTROL_PORT (unset: none; the launcher's status and broker faults on 127.0.0.1, for the soak),
              DEALFLOW_SERVICE_JAVA_OPTS (JVM options of every service, after its own -Xmx: """
            + DEFAULT_SERVICE_JVM_OPTIONS + "),\n"
            + "              MALLOC_ARENA_MAX (the services' glibc malloc arenas: " + DEFAULT_MALLOC_ARENA_MAX + ")";

    static LauncherConfig from(Map<String, String> env, List<String> args, Path launcherJarDir) {
        List<String> unknown = args.stream().filter(arg -> !FLAGS.contains(arg)).toList();
        if (!unknown.isEmpty()) {
            throw new LaunchException("Unknown argument(s) " + unknown + "\n" + USAGE);
        }
        return new LauncherConfig(
                intValue(env, "DEALFLOW_KAFKA_PORT", 9092),
                intValue(env, "DEALFLOW_KAFKA_PARTITIONS", 3),
                value(env, "DEALFLOW_PG_HOST", "127.0.0.1"),
                intValue(env, "DEALFLOW_PG_PORT", 5432),
                value(env, "DEALFLOW_PG_USER", "postgres"),
                value(env, "DEALFLOW_PG_PASSWORD", ""),
                Path.of(value(env, "DEALFLOW_DATA_DIR", ".dealflow")).toAbsolutePath().normalize(),
                Path.of(value(env, "DEALFLOW_SERVICES_DIR", launcherJarDir.resolve("services").toString()))
                        .toAbsolutePath().normalize(),
                args.contains("--reset") || Boolean.parseBoolean(value(env, "DEALFLOW_RESET", "false")),
                dbPrefix(env),
                args.contains("--demo") || Boolean.parseBoolean(value(env, "DEALFLOW_DEMO", "false")),
                demoRate(env),
                intValue(env, "DEALFLOW_DEMO_HISTORY_DEALS", DEFAULT_DEMO_HISTORY_DEALS),
                List.of(value(env, "DEALFLOW_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JVM_OPTIONS).split("\\s+")),
                env);
    }

    /** A service's JVM options: its own heap bound, then {@code DEALFLOW_SERVICE_JAVA_OPTS}, which may override it. */
    List<String> jvmOptionsOf(ServiceSpec service) {
        List<String> options = new java.util.ArrayList<>();
        options.add("-Xmx" + service.maxHeap());
        options.addAll(serviceJvmOptions);
        return List.copyOf(options);
    }

    /** Variables every service JVM gets besides its own: the malloc arena limit, unless the caller set one. */
    Map<String, String> processEnvironment() {
        return Map.of("MALLOC_ARENA_MAX", value(environment, "MALLOC_ARENA_MAX", DEFAULT_MALLOC_ARENA_MAX));
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"));
    }

    Path kafkaDataDir() {
        return dataDir.resolve("kafka");
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The service's database under the configured prefix: a test run can keep away from a developer's data. */
    String databaseOf(ServiceSpec service) {
        return dbPrefix + service.database().substring(service.database().indexOf('_'));
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    int portOf(ServiceSpec service) {
        return intValue(environment, service.portVariable(), service.defaultPort());
    }

    int managementPortOf(ServiceSpec service) {
        return intValue(environment, service.managementPortVariable(), service.defaultManagementPort());
    }

    /**
     * {@code DEALFLOW_CONTROL_PORT}: where the launcher answers its status and takes a broker fault (the soak's), on
     * 127.0.0.1 only; unset, there is no such endpoint.
     */
    java.util.Optional<Integer> controlPort() {
        return value(environment, "DEALFLOW_CONTROL_PORT", "").isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(intValue(environment, "DEALFLOW_CONTROL_PORT", 0));
    }

    /** A configured issuer (Keycloak, Entra ID, ...) replaces the local authorization server. */
    boolean startsAuthServer() {
        return value(environment, "DEALFLOW_OAUTH_ISSUER_URI", "").isEmpty();
    }

    /** The issuer the services trust: the one configured, or the local authorization server. */
    String issuer() {
        return startsAuthServer() ? "http://127.0.0.1:" + portOf(ServiceSpec.AUTH_SERVER)
                : value(environment, "DEALFLOW_OAUTH_ISSUER_URI", "");
    }

    /** Where the local authorization server keeps its signing key, so tokens survive a restart. */
    Path authKeyFile() {
        return dataDir.resolve("auth").resolve("signing-key.json");
    }

    private static String dbPrefix(Map<String, String> env) {
        String prefix = value(env, "DEALFLOW_DB_PREFIX", "dealflow");
        if (!DB_PREFIX.matcher(prefix).matches()) {
            throw new LaunchException("DEALFLOW_DB_PREFIX must be a lower-case identifier ([a-z_][a-z0-9_]*), not '"
                    + prefix + "'");
        }
        return prefix;
    }

    private static double demoRate(Map<String, String> env) {
        String value = value(env, "DEALFLOW_DEMO_RATE", "0.5");
        try {
            double rate = Double.parseDouble(value);
            if (rate > 0 && rate <= 50) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new LaunchException("DEALFLOW_DEMO_RATE must be new deals per second in (0, 50], not '" + value + "'");
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = value(env, name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LaunchException(name + " must be a number, not '" + value + "'");
        }
    }
}
