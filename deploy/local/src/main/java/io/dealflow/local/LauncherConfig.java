package io.dealflow.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Everything a local run can be told, from environment variables and the command line. */
record LauncherConfig(int kafkaPort, int kafkaPartitions, String pgHost, int pgPort, String pgUser, String pgPassword,
                      Path dataDir, Path servicesDir, boolean reset, Map<String, String> environment) {

    static final String USAGE = """
            Usage: run-local.sh [--reset]
              --reset   start from empty Kafka topics and empty service databases (also DEALFLOW_RESET=true);
                        otherwise both are kept between runs. They are reset together: one local state.
                      PostgreSQL databases are always kept.
            Environment (defaults): DEALFLOW_KAFKA_PORT (9092), DEALFLOW_KAFKA_PARTITIONS (3),
              DEALFLOW_PG_HOST (127.0.0.1), DEALFLOW_PG_PORT (5432), DEALFLOW_PG_USER (postgres), DEALFLOW_PG_PASSWORD (empty),
              DEALFLOW_DATA_DIR (./.dealflow), DEALFLOW_SERVICES_DIR (services/ beside the launcher jar), DEAL_SERVICE_PORT (8081), TASK_SERVICE_PORT (8082),
              HANDOFF_SERVICE_PORT (8083), ANALYTICS_SERVICE_PORT (8084)""";

    static LauncherConfig from(Map<String, String> env, List<String> args, Path launcherJarDir) {
        List<String> unknown = args.stream().filter(arg -> !arg.equals("--reset")).toList();
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
                env);
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

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    int portOf(ServiceSpec service) {
        return intValue(environment, service.portVariable(), service.defaultPort());
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
