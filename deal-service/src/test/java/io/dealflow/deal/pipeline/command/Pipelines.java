package io.dealflow.deal.pipeline.command;

import io.dealflow.api.json.DealflowJson;
import io.dealflow.api.pipeline.BackwardMode;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.SkipMode;
import io.dealflow.api.pipeline.StageDefinition;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Object Mother: the real demo pipelines of src/main/resources/pipelines, and variations of them. */
public final class Pipelines {

    private static final YAMLMapper YAML = DealflowJson.configure(YAMLMapper.builder()).build();

    private Pipelines() {
    }

    public static PipelineDefinition definition(String pipelineId) {
        try (InputStream in = Pipelines.class.getResourceAsStream("/pipelines/" + pipelineId + ".yml")) {
            return YAML.readValue(in, PipelineDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** sales: STRICT skips, backward moves with a reason. */
    public static PipelineDefined sales() {
        return defined("sales", 1, definition("sales"));
    }

    /** contracts: skips and backward moves with a reason. */
    public static PipelineDefined contracts() {
        return defined("contracts", 1, definition("contracts"));
    }

    /** delivery: STRICT skips, backward moves forbidden. */
    public static PipelineDefined delivery() {
        return defined("delivery", 1, definition("delivery"));
    }

    public static PipelineDefined defined(String pipelineId, int version, PipelineDefinition definition) {
        return definition.asVersion(pipelineId, version, "test");
    }

    public static PipelineDefinition withStages(PipelineDefinition definition,
                                                UnaryOperator<List<StageDefinition>> change) {
        return new PipelineDefinition(definition.name(), definition.department(), definition.skipMode(),
                definition.backwardMode(), definition.handoffTo(), definition.staleAfter(),
                change.apply(new ArrayList<>(definition.stages())), definition.lossReasons());
    }

    public static PipelineDefinition withModes(PipelineDefinition definition, SkipMode skip, BackwardMode backward) {
        return new PipelineDefinition(definition.name(), definition.department(), skip, backward,
                definition.handoffTo(), definition.staleAfter(), definition.stages(), definition.lossReasons());
    }

    /** A catalogue holding exactly the given versions, for aggregate tests without Spring or a database. */
    public static PipelineCatalog catalog(PipelineDefined... versions) {
        Map<String, PipelineVersion> byKey = new HashMap<>();
        Map<String, Integer> latest = new HashMap<>();
        for (PipelineDefined version : versions) {
            byKey.put(version.pipelineId() + ":" + version.version(), new PipelineVersion(version));
            latest.merge(version.pipelineId(), version.version(), Math::max);
        }
        return new PipelineCatalog() {
            @Override
            public Optional<PipelineVersion> latest(String pipelineId) {
                return Optional.ofNullable(latest.get(pipelineId)).flatMap(v -> find(pipelineId, v));
            }

            @Override
            public Optional<PipelineVersion> find(String pipelineId, int version) {
                return Optional.ofNullable(byKey.get(pipelineId + ":" + version));
            }
        };
    }
}
