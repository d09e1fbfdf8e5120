package io.dealflow.platform.testing;

import io.dealflow.api.access.AccessClaims;

import java.util.List;

/** The local authorization server's demo clients (DESIGN §6), as tests ask for their tokens. */
public enum DemoClient {

    DEMO_INTEGRATION("demo-integration", AccessClaims.ROLE_INTEGRATION, AccessClaims.ALL_DEPARTMENTS),
    SALES_HEAD("sales-head", AccessClaims.ROLE_HEAD, "sales"),
    CONTRACTS_HEAD("contracts-head", AccessClaims.ROLE_HEAD, "contracts"),
    DELIVERY_HEAD("delivery-head", AccessClaims.ROLE_HEAD, "delivery"),
    DEALFLOW_ADMIN("dealflow-admin", AccessClaims.ROLE_ADMIN, AccessClaims.ALL_DEPARTMENTS),
    TASK_SERVICE("task-service", AccessClaims.ROLE_SERVICE, AccessClaims.ALL_DEPARTMENTS),
    HANDOFF_SERVICE("handoff-service", AccessClaims.ROLE_SERVICE, AccessClaims.ALL_DEPARTMENTS);

    private final String clientId;
    private final String role;
    private final String department;

    DemoClient(String clientId, String role, String department) {
        this.clientId = clientId;
        this.role = role;
        this.department = department;
    }

    public String clientId() {
        return clientId;
    }

    public String role() {
        return role;
    }

    public List<String> departments() {
        return List.of(department);
    }

    /** A client of each role, the first of it: the one a table-driven test calls with. */
    public static DemoClient withRole(String role) {
        for (DemoClient client : values()) {
            if (client.role.equals(role)) {
                return client;
            }
        }
        throw new IllegalArgumentException("No demo client has role " + role);
    }
}
