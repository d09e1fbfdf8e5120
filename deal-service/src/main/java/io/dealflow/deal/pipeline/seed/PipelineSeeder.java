package io.dealflow.deal.pipeline.seed;

import io.dealflow.api.json.DealflowJson;
import io.dealflow.deal.pipeline.command.DefinePipelineCommand;
import io.dealflow.deal.pipeline.command.PipelineDefinition;
import io.dealflow.deal.pipeline.command.PipelineDefinitionResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Defines the pipelines of YAML files at start-up. The aggregate defines nothing for an unchanged file, so a restart
 * with the same files leaves every pipeline at its version, and an edited file becomes the next version.
 */
@Component
@ConditionalOnProperty(prefix = "dealflow.pipelines.seed", name = "enabled", havingValue = "true")
class PipelineSeeder implements ApplicationRunner {

    static final String SYSTEM_ACTOR = "system:pipeline-seed";
    private static final Logger log = LoggerFactory.getLogger(PipelineSeeder.class);

    private final CommandGateway commands;
    private final ResourcePatternResolver resources;
    private final PipelineSeedProperties properties;
    private final YAMLMapper yaml = DealflowJson.configure(YAMLMapper.builder()).build();

    PipelineSeeder(CommandGateway commands, ResourcePatternResolver resources, PipelineSeedProperties properties) {
        this.commands = commands;
        this.resources = resources;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = resources.getResources(properties.location());
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            String pipelineId = file.getFilename().replaceFirst("\\.ya?ml$", "");
            PipelineDefinition definition;
            try (InputStream in = file.getInputStream()) {
                definition = yaml.readValue(in, PipelineDefinition.class);
            }
            PipelineDefinitionResult result =
                    commands.sendAndWait(new DefinePipelineCommand(pipelineId, definition, SYSTEM_ACTOR));
            log.info("Pipeline '{}' from {}: version {}{}", pipelineId, file.getFilename(), result.version(),
                    result.changed() ? " defined" : " unchanged");
        }
    }
}
