package io.dealflow.analytics.access;

import io.dealflow.platform.pipelines.PipelineCatalog;
import io.dealflow.platform.security.AccessRule;
import io.dealflow.platform.security.AccessTable;
import io.dealflow.platform.security.DepartmentLookup;
import io.dealflow.platform.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.stream.Stream;

import static io.dealflow.platform.security.Role.ADMIN;
import static io.dealflow.platform.security.Role.HEAD;

/**
 * Who may call which endpoint of analytics-service (DESIGN §6): heads and admins read the reports of their
 * departments' pipelines (every report names one in {@code pipelineId}); a rebuild replays every department's
 * history, so only an admin of all departments starts it or watches it.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsServiceAccess {

    static final List<String> REPORTS = List.of("time-in-stage", "conversion", "loss-reasons", "funnel",
            "stuck-deals", "data-quality", "cycle-time");
    private static final String REBUILD = "/api/v1/admin/projections/rebuild";

    @Bean
    AccessTable analyticsServiceAccessTable(PipelineCatalog pipelines) {
        Scope reportedPipeline = Scope.query("pipelineId", DepartmentLookup.single(pipelines.owners()::departmentOf));
        return new AccessTable(Stream.concat(
                REPORTS.stream().map(report -> AccessRule.on("GET", "/api/v1/analytics/" + report).allow(HEAD, ADMIN)
                        .in(reportedPipeline)),
                Stream.of(AccessRule.on("POST", REBUILD).allow(ADMIN).in(Scope.everything()),
                        AccessRule.on("GET", REBUILD).allow(ADMIN).in(Scope.everything()))).toList());
    }
}
