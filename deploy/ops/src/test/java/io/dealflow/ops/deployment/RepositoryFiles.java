package io.dealflow.ops.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository's own files, read the way a deployment reads them: the root pom's modules, each service's
 * application.yml (its `${NAME:default}` placeholders are the deployment contract) and YAML documents.
 */
final class RepositoryFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");

    private RepositoryFiles() {
    }

    /** The repository root: the nearest directory upwards holding mvnw, so tests run from the module or the root. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No directory with mvnw above " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path path) {
        return YAML.readTree(read(path));
    }

    /** Every document of a multi-document YAML file, empty ones (a lone comment, a trailing ---) left out. */
    static List<JsonNode> yamlDocuments(Path path) {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(read(path))) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    /** The modules listed in the root pom.xml, as paths relative to the root (`deal-service`, `deploy/ops`). */
    static List<String> mavenModules() {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file("pom.xml").toFile());
            NodeList modules = pom.getElementsByTagName("module");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < modules.getLength(); i++) {
                names.add(modules.item(i).getTextContent().trim());
            }
            return names;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the root pom.xml", e);
        }
    }

    /** The deployable services: modules named *-service, each an executable jar with its own application.yml. */
    static List<String> serviceModules() {
        return mavenModules().stream().filter(module -> module.endsWith("-service")).toList();
    }

    static Path applicationYml(String module) {
        return file(module + "/src/main/resources/application.yml");
    }

    /** The environment variables the service reads: the names of its `${NAME:default}` placeholders. */
    static Set<String> environmentVariablesReadBy(String module) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(read(applicationYml(module)));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The port the service listens on when nothing overrides it: the default of server.port's placeholder. */
    static int defaultPort(String module) {
        String port = yaml(applicationYml(module)).path("server").path("port").asString();
        Matcher matcher = PLACEHOLDER.matcher(port);
        return Integer.parseInt(matcher.matches() ? matcher.group(2) : port);
    }

    /** Where the service's actuator (health, Prometheus) listens by default: management.server.port's default. */
    static int defaultManagementPort(String module) {
        String port = yaml(applicationYml(module)).path("management").path("server").path("port").asString();
        Matcher matcher = PLACEHOLDER.matcher(port);
        if (port.isEmpty()) {
            throw new IllegalStateException(module + " has no management.server.port: its actuator would share the"
                    + " API port");
        }
        return Integer.parseInt(matcher.matches() ? matcher.group(2) : port);
    }

    /** The environment variable that sets the service's port (`DEAL_SERVICE_PORT`). */
    static String portVariable(String module) {
        Matcher matcher = PLACEHOLDER.matcher(yaml(applicationYml(module)).path("server").path("port").asString());
        if (!matcher.matches()) {
            throw new IllegalStateException(module + "'s server.port is not an ${ENV:default} placeholder");
        }
        return matcher.group(1);
    }
}
