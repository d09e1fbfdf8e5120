package io.dealflow.local;

import java.util.List;

/**
 * One Dealflow service as the launcher runs it: its executable jar, the variable that sets its
 * HTTP port, and the database it owns. A new service is one more entry in {@link #ALL}.
 */
record ServiceSpec(String name, String jarName, String portVariable, int defaultPort, String database,
                   String databaseUrlVariable) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("deal-service", "deal-service.jar", "DEAL_SERVICE_PORT", 8081, "dealflow_deal", "DEAL_DB_URL"),
            new ServiceSpec("task-service", "task-service.jar", "TASK_SERVICE_PORT", 8082, "dealflow_task", "TASK_DB_URL"),
            new ServiceSpec("handoff-service", "handoff-service.jar", "HANDOFF_SERVICE_PORT", 8083, "dealflow_handoff",
                    "HANDOFF_DB_URL"),
            new ServiceSpec("analytics-service", "analytics-service.jar", "ANALYTICS_SERVICE_PORT", 8084,
                    "dealflow_analytics", "ANALYTICS_DB_URL"));

    /** {@code DEAL_SERVICE_URL} for deal-service: how the other services are told where it listens. */
    String urlVariable() {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
    }
}
