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

    /**
     * Reports only read: the projections are written by the consumers and the rebuild, nowhere else. Stated for every
     * report (a class named *Report, whatever its package) and the web layer, not for today's list of packages.
     */
    @ArchTest
    static final ArchRule reportsDoNotWriteProjections = noClasses()
            .that().haveSimpleNameEndingWith("Report").or().resideInAPackage("io.dealflow.analytics.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
            .orShould().dependOnClassesThat().belongToAnyOf(io.dealflow.analytics.projection.DealProjector.class,
                    io.dealflow.analytics.projection.TaskProjector.class,
                    io.dealflow.analytics.projection.DayCounts.class,
                    io.dealflow.analytics.projection.ProjectionTables.class)
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Projector")
            .as("reports read projections; only consumers and the rebuild write them");
}
