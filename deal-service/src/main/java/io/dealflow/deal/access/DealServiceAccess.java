package io.dealflow.deal.access;

import io.dealflow.deal.imports.job.ImportJobs;
import io.dealflow.platform.security.AccessRule;
import io.dealflow.platform.security.AccessTable;
import io.dealflow.platform.security.DepartmentLookup;
import io.dealflow.platform.security.Scope;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.dealflow.platform.security.Role.ADMIN;
import static io.dealflow.platform.security.Role.HEAD;
import static io.dealflow.platform.security.Role.INTEGRATION;
import static io.dealflow.platform.security.Role.SERVICE;

/**
 * Who may call which endpoint of deal-service (DESIGN §6); platform's filter chain enforces it. A department owns
 * the pipelines that name it, and their deals. {@code service} is what task-service (a stale deal's loss, whether a
 * deal it has not seen yet exists) and handoff-service (the next department's deal under its derived id, and its
 * attachments) need, nothing more.
 */
@Configuration(proxyBeanMethods = false)
class DealServiceAccess {

    private static final String DEALS = "/api/v1/deals";
    private static final String DEAL = DEALS + "/{dealId}";
    private static final String PIPELINES = "/api/v1/pipelines";
    private static final String PIPELINE = PIPELINES + "/{pipelineId}";
    private static final String IMPORTS = "/api/v1/imports";

    @Bean
    AccessTable dealServiceAccessTable(DealDepartments departments, ImportJobs imports) {
        DepartmentLookup ofPipeline = DepartmentLookup.single(departments::ofPipeline);
        Scope deal = Scope.path("dealId", DepartmentLookup.single(departments::ofDeal));
        Scope pipeline = Scope.path("pipelineId", ofPipeline);
        Scope importJob = Scope.path("importId",
                DepartmentLookup.single(id -> imports.pipelineOf(id).flatMap(departments::ofPipeline)));
        return AccessTable.of(
                AccessRule.on("POST", DEALS).allow(INTEGRATION, SERVICE).in(Scope.body("pipelineId")),
                AccessRule.on("GET", DEALS).allow(INTEGRATION, HEAD, ADMIN)
                        .in(Scope.listing(), Scope.query("pipelineId", ofPipeline)),
                // an id chosen by the caller: the deal's department if it exists, the new deal's pipeline's anyway
                AccessRule.on("PUT", DEAL).allow(SERVICE).in(deal, Scope.body("pipelineId")),
                AccessRule.on("GET", DEAL).allow(INTEGRATION, HEAD, ADMIN, SERVICE).in(deal),
                AccessRule.on("GET", DEAL + "/history").allow(INTEGRATION, HEAD, ADMIN).in(deal),
                AccessRule.on("PATCH", DEAL + "/fields").allow(INTEGRATION).in(deal),
                AccessRule.on("POST", DEAL + "/stage").allow(INTEGRATION).in(deal),
                AccessRule.on("POST", DEAL + "/manager").allow(INTEGRATION).in(deal),
                AccessRule.on("POST", DEAL + "/tags").allow(INTEGRATION).in(deal),
                AccessRule.on("POST", DEAL + "/attachments").allow(INTEGRATION, SERVICE).in(deal),
                AccessRule.on("POST", DEAL + "/won").allow(INTEGRATION).in(deal),
                AccessRule.on("POST", DEAL + "/lost").allow(INTEGRATION, SERVICE).in(deal),
                AccessRule.on("GET", PIPELINES).allow(INTEGRATION, HEAD, ADMIN).in(Scope.listing()),
                AccessRule.on("GET", PIPELINE).allow(INTEGRATION, HEAD, ADMIN).in(pipeline),
                // the department it belongs to now, and the one its new definition names
                AccessRule.on("PUT", PIPELINE).allow(ADMIN).in(pipeline, Scope.body("department")),
                // DESIGN §7: history from another CRM, into a pipeline of the caller's departments
                AccessRule.on("POST", IMPORTS).allow(ADMIN, INTEGRATION).in(Scope.query("pipelineId", ofPipeline)),
                AccessRule.on("GET", IMPORTS + "/{importId}").allow(ADMIN, INTEGRATION).in(importJob));
    }

    /** Copies the command's client onto every event it applies (see {@link ClientMetaData}). */
    @Bean
    CorrelationDataProvider clientIdCorrelation() {
        return new SimpleCorrelationDataProvider(ClientMetaData.KEY);
    }

    /** Copies the command's idempotency mark onto every event it applies (see {@link RequestMetaData}). */
    @Bean
    CorrelationDataProvider requestKeyCorrelation() {
        return new SimpleCorrelationDataProvider(RequestMetaData.KEY);
    }

    /**
     * Axon's default (causation and correlation ids, which the publisher turns into CloudEvents headers), declared
     * beside the one above because Axon stands its own back once any provider is a bean.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
