package io.dealflow.analytics.architecture;

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

    /** Reports only read: the projections are written by the consumers and the rebuild, nowhere else. */
    @ArchTest
    static final ArchRule reportsDoNotWriteProjections = noClasses()
            .that().resideInAnyPackage("io.dealflow.analytics.web..", "io.dealflow.analytics.timeinstage..",
                    "io.dealflow.analytics.conversion..", "io.dealflow.analytics.loss..",
                    "io.dealflow.analytics.funnel..", "io.dealflow.analytics.stuck..",
                    "io.dealflow.analytics.quality..", "io.dealflow.analytics.cycletime..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
            .orShould().dependOnClassesThat().belongToAnyOf(io.dealflow.analytics.projection.DealProjector.class,
                    io.dealflow.analytics.projection.TaskProjector.class)
            .as("reports read projections; only consumers and the rebuild write them");
}
