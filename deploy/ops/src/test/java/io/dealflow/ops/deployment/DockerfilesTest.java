package io.dealflow.ops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The one Dockerfile of every service (the module is the build context; SERVICE and PORT come as build arguments,
 * checked per service in {@link ComposeFileTest}) packages the jar Maven built and runs it the way compose and
 * Kubernetes expect.
 */
class DockerfilesTest {

    static final String SHARED_DOCKERFILE = "deploy/docker/service.Dockerfile";

    @Test
    void copiesTheJarMavenBuildsForTheServiceNamedByItsBuildArgument() {
        assertThat(instructions("ARG")).contains("SERVICE", "PORT");
        assertThat(instructions("COPY")).anySatisfy(copy -> assertThat(copy).startsWith("target/${SERVICE}.jar "));
        for (String module : RepositoryFiles.serviceModules()) {
            assertThat(RepositoryFiles.read(RepositoryFiles.file(module + "/pom.xml")))
                    .as("%s's jar is named %s.jar by its pom", module, module)
                    .contains("<finalName>" + module + "</finalName>");
        }
    }

    @Test
    void runsAsANumericNonRootUser() {
        List<String> users = instructions("USER");
        assertThat(users).as("the Dockerfile sets a USER").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        // numeric, so that Kubernetes' runAsNonRoot can verify it
        assertThat(user).matches("[0-9]+").isNotEqualTo("0");
    }

    @Test
    void exposesThePortGivenAsBuildArgument() {
        assertThat(instructions("EXPOSE")).containsExactly("${PORT}");
    }

    @Test
    void startsTheJarWithAHeapSizedByTheContainerLimit() {
        assertThat(instructions("ENTRYPOINT")).singleElement().satisfies(entrypoint -> assertThat(entrypoint)
                .startsWith("[\"java\"")
                .contains("-XX:MaxRAMPercentage=")
                .endsWith("\"-jar\", \"/app/app.jar\"]"));
    }

    @Test
    void leavesTheHealthCheckToComposeAndKubernetes() {
        assertThat(instructions("HEALTHCHECK")).isEmpty();
    }

    /** The arguments of every instruction with that keyword, continuation lines joined and comments left out. */
    private static List<String> instructions(String keyword) {
        Path dockerfile = RepositoryFiles.file(SHARED_DOCKERFILE);
        assertThat(dockerfile).as("the shared service Dockerfile").isRegularFile();
        String joined = RepositoryFiles.read(dockerfile).lines()
                .filter(line -> !line.stripLeading().startsWith("#"))
                .reduce("", (text, line) -> text.endsWith("\\") ? text.substring(0, text.length() - 1) + " " + line.strip()
                        : text + "\n" + line.strip());
        return joined.lines()
                .filter(line -> line.toUpperCase(Locale.ROOT).startsWith(keyword + " "))
                .map(line -> line.substring(keyword.length()).strip())
                .toList();
    }
}
