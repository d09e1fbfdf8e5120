package io.dealflow.local;

import java.util.List;

/**
 * One Dealflow service as the launcher runs it: its executable jar, the variables that set its HTTP port and its
 * management port (health, Prometheus), the database it owns, and its heap bound. A new service is one more entry in
 * {@link #ALL}.
 *
 * <p>The heap bounds: every service's live data was under 90 MB after a bench run (a full collection, 2026-12-03),
 * but the serial collector grows a heap to its bound during a burst and keeps it, so the bound is what the
 * service's RSS comes to. deal-service (history imports, the deal cache) and analytics-service (rebuilds, reports)
 * get more room than the consumers and the authorization server.
 */
record ServiceSpec(String name, String jarName, String portVariable, int defaultPort, String managementPortVariable,
                   int defaultManagementPort, String database, String databaseUrlVariable, String maxHeap) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("deal-service", "deal-service.jar", "DEAL_SERVICE_PORT", 8081, "DEAL_MANAGEMENT_PORT", 9081,
                    "dealflow_deal", "DEAL_DB_URL", "384m"),
            new ServiceSpec("task-service", "task-service.jar", "TASK_SERVICE_PORT", 8082, "TASK_MANAGEMENT_PORT", 9082,
                    "dealflow_task", "TASK_DB_URL", "256m"),
            new ServiceSpec("handoff-service", "handoff-service.jar", "HANDOFF_SERVICE_PORT", 8083,
                    "HANDOFF_MANAGEMENT_PORT", 9083, "dealflow_handoff", "HANDOFF_DB_URL", "256m"),
            new ServiceSpec("analytics-service", "analytics-service.jar", "ANALYTICS_SERVICE_PORT", 8084,
                    "ANALYTICS_MANAGEMENT_PORT", 9084, "dealflow_analytics", "ANALYTICS_DB_URL", "384m"));

    /**
     * The local authorization server (DESIGN §6), started before the services: no database, and its health on its
     * own port.
     */
    static final ServiceSpec AUTH_SERVER = new ServiceSpec("auth-server", "auth-server.jar", "DEALFLOW_AUTH_PORT", 9000,
            "DEALFLOW_AUTH_PORT", 9000, null, null, "128m");

    /** {@code DEAL_SERVICE_URL} for deal-service: how the other services are told where it listens. */
    String urlVariable() {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
    }
}
