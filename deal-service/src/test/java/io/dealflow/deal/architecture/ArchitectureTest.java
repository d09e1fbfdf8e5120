package io.dealflow.deal.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering the code relies on, guarded so that it survives the next hurried change. */
@AnalyzeClasses(packages = "io.dealflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Funnel rules are plain Java plus Axon's aggregate annotations: no Spring, no web, no SQL. */
    @ArchTest
    static final ArchRule domainRulesStayFreeOfSpring = noClasses()
            .that().resideInAPackage("io.dealflow.deal..command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                    "java.sql..", "javax.sql..")
            .as("domain rules (..command..) do not depend on Spring, servlets or SQL");

    /** Controllers translate HTTP; they never reach into projections' storage or the event store directly. */
    @ArchTest
    static final ArchRule webDoesNotTouchStorage = noClasses()
            .that().resideInAPackage("io.dealflow.deal..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                    "org.axonframework.eventsourcing..")
            .as("controllers go through commands and query classes");

    /** The published language depends on nothing of ours, so every service can use it. */
    @ArchTest
    static final ArchRule publishedLanguageStandsAlone = noClasses()
            .that().resideInAPackage("io.dealflow.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dealflow.deal..", "io.dealflow.platform..",
                    "org.springframework..", "org.axonframework..")
            .as("deal-api is the published language: Jackson only");

    /** Shared plumbing never knows about a service. */
    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses()
            .that().resideInAPackage("io.dealflow.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dealflow.deal..", "io.dealflow.task..",
                    "io.dealflow.handoff..", "io.dealflow.analytics..")
            .as("platform is shared plumbing, never business rules");

    /** Services talk over Kafka and REST only: no service imports another service's packages. */
    @ArchTest
    static final ArchRule servicesDoNotImportEachOther = slices()
            .matching("io.dealflow.(deal|task|handoff|analytics)..")
            .namingSlices("$1")
            .should().notDependOnEachOther()
            .as("no service imports another service's packages");

    /** The features of deal-service depend on each other only one way: deals use pipelines, never the reverse. */
    @ArchTest
    static final ArchRule pipelinesDoNotDependOnDeals = noClasses()
            .that().resideInAPackage("io.dealflow.deal.pipeline..")
            .should().dependOnClassesThat().resideInAPackage("io.dealflow.deal.deal..");
}
