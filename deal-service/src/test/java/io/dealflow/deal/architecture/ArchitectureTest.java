package io.dealflow.deal.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.dealflow.platform.testing.DealflowArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    @ArchTest
    static final ArchTests dealflow = ArchTests.in(DealflowArchitectureRules.class);

    /** The features of deal-service depend on each other only one way: deals use pipelines, never the reverse. */
    @ArchTest
    static final ArchRule pipelinesDoNotDependOnDeals = noClasses()
            .that().resideInAPackage("io.dealflow.deal.pipeline..")
            .should().dependOnClassesThat().resideInAPackage("io.dealflow.deal.deal..");
}
