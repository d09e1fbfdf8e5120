package io.dealflow.platform.testing;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every Dealflow service keeps; a service's architecture test includes them with
 * {@code @ArchTest static final ArchTests dealflow = ArchTests.in(DealflowArchitectureRules.class);}.
 */
public final class DealflowArchitectureRules {

    /** The published language depends on nothing of ours, so every service can use it. */
    @ArchTest
    public static final ArchRule publishedLanguageStandsAlone = noClasses()
            .that().resideInAPackage("io.dealflow.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dealflow.deal..", "io.dealflow.task..",
                    "io.dealflow.handoff..", "io.dealflow.analytics..", "io.dealflow.platform..",
                    "org.springframework..", "org.axonframework..")
            .as("deal-api is the published language: Jackson only");

    /** Shared plumbing never knows about a service. */
    @ArchTest
    public static final ArchRule platformKnowsNoService = noClasses()
            .that().resideInAPackage("io.dealflow.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dealflow.deal..", "io.dealflow.task..",
                    "io.dealflow.handoff..", "io.dealflow.analytics..")
            .as("platform is shared plumbing, never business rules");

    /**
     * A domain refuses with a refusal record and knows no HTTP: the status is the web layer's table's
     * ({@code io.dealflow.platform.refusal.RefusalProblems}), never an HTTP-shaped exception thrown by the rule.
     */
    @ArchTest
    public static final ArchRule commandsRefuseWithoutHttp = noClasses()
            .that().resideInAPackage("io.dealflow..command..")
            .should().dependOnClassesThat().resideInAnyPackage("..problem..", "..web..")
            .allowEmptyShould(true)
            .as("domain rules (..command..) refuse with refusal records, never with problems or web types");

    /** Who may do what is decided by plain classes that a unit test can call (DESIGN §6). */
    @ArchTest
    public static final ArchRule accessDecisionsStayFreeOfSpring = noClasses()
            .that().resideInAPackage("io.dealflow.platform.security")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
            .as("access decisions (io.dealflow.platform.security) are plain Java");

    /** Services talk over Kafka and REST only: no service imports another service's packages. */
    @ArchTest
    public static final ArchRule servicesDoNotImportEachOther = slices()
            .matching("io.dealflow.(deal|task|handoff|analytics)..")
            .namingSlices("$1")
            .should().notDependOnEachOther()
            .as("no service imports another service's packages");

    private DealflowArchitectureRules() {
    }
}
