package io.dealflow.handoff.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.dealflow.platform.testing.DealflowArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.dealflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests dealflow = ArchTests.in(DealflowArchitectureRules.class);

    /** The deal snapshot projection knows nothing of handoffs; handoffs read it. */
    @ArchTest
    static final ArchRule snapshotsDoNotDependOnHandoffs = noClasses()
            .that().resideInAPackage("io.dealflow.handoff.deal..")
            .should().dependOnClassesThat().resideInAPackage("io.dealflow.handoff.handoff..");

    /** Routes are configuration and rules, not storage of handoffs. */
    @ArchTest
    static final ArchRule routesDoNotDependOnHandoffs = noClasses()
            .that().resideInAPackage("io.dealflow.handoff.route..")
            .should().dependOnClassesThat().resideInAPackage("io.dealflow.handoff.handoff..");
}
