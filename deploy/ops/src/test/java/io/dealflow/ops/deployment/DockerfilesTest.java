package io.dealflow.ops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's Dockerfile packages the jar Maven built and runs it the way compose and Kubernetes expect. */
class DockerfilesTest {

    static List<String> services() {
        return RepositoryFiles.serviceModules();
    }

    @ParameterizedTest
    @MethodSource("services")
    void copiesTheJarMavenBuildsForTheModule(String module) {
        // the compose build context is the module directory, so the path is relative to it
        assertThat(instructions(module, "COPY"))
                .anySatisfy(copy -> assertThat(copy).startsWith("target/" + module + ".jar "));
        assertThat(RepositoryFiles.read(RepositoryFiles.file(module + "/pom.xml")))
                .as("%s's jar is named %s.jar by its pom", module, module)
                .contains("<finalName>" + module + "</finalName>");
    }

    @ParameterizedTest
    @MethodSource("services")
    void runsAsANumericNonRootUser(String module) {
        List<String> users = instructions(module, "USER");
        assertThat(users).as("%s's Dockerfile sets a USER", module).isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        // numeric, so that Kubernetes' runAsNonRoot can verify it
        assertThat(user).matches("[0-9]+").isNotEqualTo("0");
    }

    @ParameterizedTest
    @MethodSource("services")
    void exposesThePortItsApplicationYmlListensOn(String module) {
        assertThat(instructions(module, "EXPOSE"))
                .containsExactly(String.valueOf(RepositoryFiles.defaultPort(module)));
    }

    @ParameterizedTest
    @MethodSource("services")
    void startsTheJarWithAHeapSizedByTheContainerLimit(String module) {
        assertThat(instructions(module, "ENTRYPOINT")).singleElement().satisfies(entrypoint -> assertThat(entrypoint)
                .startsWith("[\"java\"")
                .contains("-XX:MaxRAMPercentage=")
                .endsWith("\"-jar\", \"/app/app.jar\"]"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void leavesTheHealthCheckToComposeAndKubernetes(String module) {
        assertThat(instructions(module, "HEALTHCHECK")).isEmpty();
    }

    /** The arguments of every instruction with that keyword, continuation lines joined and comments left out. */
    private static List<String> instructions(String module, String keyword) {
        Path dockerfile = RepositoryFiles.file(module + "/Dockerfile");
        assertThat(dockerfile).as("%s has a Dockerfile", module).isRegularFile();
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
