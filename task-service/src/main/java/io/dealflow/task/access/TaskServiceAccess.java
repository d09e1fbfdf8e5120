package io.dealflow.task.access;

import io.dealflow.platform.security.AccessRule;
import io.dealflow.platform.security.AccessTable;
import io.dealflow.platform.security.DepartmentLookup;
import io.dealflow.platform.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.dealflow.platform.security.Role.ADMIN;
import static io.dealflow.platform.security.Role.HEAD;
import static io.dealflow.platform.security.Role.INTEGRATION;

/**
 * Who may call which endpoint of task-service (DESIGN §6): integration clients read and change tasks of their
 * departments' deals, heads and admins read the reports, each for their departments only.
 */
@Configuration(proxyBeanMethods = false)
class TaskServiceAccess {

    private static final String TASKS = "/api/v1/tasks";
    private static final String TASK = TASKS + "/{taskId}";
    private static final String REPORTS = "/api/v1/reports";

    @Bean
    AccessTable taskServiceAccessTable(TaskDepartments departments) {
        Scope task = Scope.path("taskId", DepartmentLookup.single(departments::ofTask));
        return AccessTable.of(
                AccessRule.on("GET", TASKS).allow(INTEGRATION)
                        .in(Scope.listing(), Scope.query("dealId", DepartmentLookup.single(departments::ofDeal))),
                AccessRule.on("GET", TASK).allow(INTEGRATION).in(task),
                AccessRule.on("POST", TASKS).allow(INTEGRATION).in(Scope.body("dealId")),
                AccessRule.on("POST", TASK + "/complete").allow(INTEGRATION).in(task),
                AccessRule.on("POST", TASK + "/reschedule").allow(INTEGRATION).in(task),
                AccessRule.on("GET", REPORTS + "/deals-without-tasks").allow(HEAD, ADMIN).in(Scope.listing()),
                AccessRule.on("GET", REPORTS + "/overdue").allow(HEAD, ADMIN).in(Scope.listing()),
                AccessRule.on("GET", REPORTS + "/reschedules").allow(HEAD, ADMIN).in(Scope.listing()));
    }
}
