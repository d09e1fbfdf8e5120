package io.dealflow.task.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.dealflow.platform.testing.DealflowArchitectureRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.dealflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests dealflow = ArchTests.in(DealflowArchitectureRules.class);

    /**
     * The task rules (R4, R5) are plain Java: no Spring, no SQL, no HTTP. Stated by role, not by today's list: every
     * class that Spring does not make a bean or bind as configuration, outside the web layer, is domain (the task,
     * the rules and policies, the values they decide about), so a new rule class is held to it without being named.
     */
    @ArchTest
    static final ArchRule taskRulesStayFreeOfSpring = noClasses()
            .that().resideInAPackage("io.dealflow.task..")
            .and().resideOutsideOfPackages("io.dealflow.task.web..", "io.dealflow.task.config..")
            .and().areNotMetaAnnotatedWith(Component.class)
            .and().areNotAnnotatedWith(ConfigurationProperties.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "jakarta.servlet..")
            .as("task rules do not depend on Spring, SQL or servlets");

    /** Controllers translate HTTP; they never write tasks themselves. */
    @ArchTest
    static final ArchRule webGoesThroughCommands = noClasses()
            .that().resideInAPackage("io.dealflow.task.web..")
            .should().dependOnClassesThat().belongToAnyOf(io.dealflow.task.task.TaskLifecycle.class)
            .as("the web layer changes tasks only through TaskCommands");

    /** Tasks refuse with {@code TaskRefusal} records; the status is the web layer's {@code TaskServiceProblems}. */
    @ArchTest
    static final ArchRule tasksRefuseWithoutHttp = noClasses()
            .that().resideInAPackage("io.dealflow.task.task..")
            .should().dependOnClassesThat().resideInAnyPackage("..problem..", "..web..")
            .as("the task domain (io.dealflow.task.task) refuses with refusal records, never with problems or web types");
}
