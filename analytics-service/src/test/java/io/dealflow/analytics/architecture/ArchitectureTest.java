package io.dealflow.analytics.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.dealflow.analytics.projection.Generations;
import io.dealflow.platform.testing.DealflowArchitectureRules;
import org.springframework.stereotype.Component;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.dealflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests dealflow = ArchTests.in(DealflowArchitectureRules.class);

    /**
     * Reports only read: the projections are written by the consumers and the rebuild, nowhere else. Stated by role,
     * not by today's list of classes: every class outside the projection and rebuild packages (and the wiring that
     * builds their beans) reads. From the projection package it uses only values and the active generation, never a
     * bean of it that writes, so a new writer there is kept from the reports without being named here.
     */
    @ArchTest
    static final ArchRule reportsDoNotWriteProjections = noClasses()
            .that().resideInAPackage("io.dealflow.analytics..")
            .and().resideOutsideOfPackages("io.dealflow.analytics.projection..", "io.dealflow.analytics.rebuild..",
                    "io.dealflow.analytics.config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
            .orShould().dependOnClassesThat(resideInAPackage("io.dealflow.analytics.projection..")
                    .and(metaAnnotatedWith(Component.class)).and(not(equivalentTo(Generations.class)))
                    .as("a writing bean of the projection package"))
            .orShould().callMethod(Generations.class, "switchTo", int.class, Runnable.class)
            .as("reports read projections; only consumers and the rebuild write them");
}
