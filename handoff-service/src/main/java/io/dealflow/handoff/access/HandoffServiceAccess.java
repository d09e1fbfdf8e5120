package io.dealflow.handoff.access;

import io.dealflow.handoff.handoff.HandoffQueries;
import io.dealflow.platform.pipelines.PipelineCatalog;
import io.dealflow.platform.security.AccessRule;
import io.dealflow.platform.security.AccessTable;
import io.dealflow.platform.security.DepartmentLookup;
import io.dealflow.platform.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.dealflow.platform.security.Role.ADMIN;
import static io.dealflow.platform.security.Role.HEAD;

/**
 * Who may call which endpoint of handoff-service (DESIGN §6): heads and admins read the handoffs of their
 * departments, admins retry failed ones. A handoff belongs to both departments it joins, so the head of the winning
 * department and the head of the receiving one both see it.
 */
@Configuration(proxyBeanMethods = false)
class HandoffServiceAccess {

    private static final String HANDOFFS = "/api/v1/handoffs";
    private static final String HANDOFF = HANDOFFS + "/{sourceDealId}";

    @Bean
    AccessTable handoffServiceAccessTable(HandoffQueries handoffs, PipelineCatalog pipelines) {
        DepartmentLookup joined = sourceDealId -> handoffs.pipelinesOf(sourceDealId).orElse(List.of()).stream()
                .map(pipelines.owners()::departmentOf).flatMap(Optional::stream).collect(Collectors.toSet());
        Scope handoff = Scope.path("sourceDealId", joined);
        return AccessTable.of(
                AccessRule.on("GET", HANDOFFS).allow(HEAD, ADMIN).in(Scope.listing()),
                AccessRule.on("GET", HANDOFF).allow(HEAD, ADMIN).in(handoff),
                AccessRule.on("POST", HANDOFF + "/retry").allow(ADMIN).in(handoff));
    }
}
