package io.dealflow.bench.pipeline;

import io.dealflow.bench.rest.Rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The bench's own pipeline, defined through deal-service's REST API: twelve stages so a deal makes many moves
 * before it must be replaced, no required fields so every move is accepted, STRICT so a move is the ordinary
 * one-stage-forward kind, one loss reason, and no {@code handoffTo}, so a won deal never triggers a handoff and
 * the bench measures deal, task and analytics work only. Task due times are long so that generated history never
 * produces overdue escalations.
 */
public record BenchPipeline(String id, int version, List<String> stageIds) {

    public static final int STAGES = 12;
    public static final String LOSS_REASON = "price";

    public static BenchPipeline define(Rest rest, String dealUrl, String id) {
        List<String> stageIds = IntStream.rangeClosed(1, STAGES).mapToObj(n -> String.format("s%02d", n)).toList();
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", "Bench");
        definition.put("department", "bench");
        definition.put("skipMode", "STRICT");
        definition.put("backwardMode", "FORBIDDEN");
        definition.put("stages", stageIds.stream().map(stage -> Map.of(
                "id", stage, "name", "Stage " + stage, "sla", "P7D",
                "task", Map.of("title", "Follow up at " + stage, "dueIn", "P30D"))).toList());
        definition.put("lossReasons", List.of(Map.of("code", LOSS_REASON, "label", "Price")));
        int version = rest.put(dealUrl + "/api/v1/pipelines/" + id, definition).path("version").asInt();
        return new BenchPipeline(id, version, stageIds);
    }

    public String stage(int index) {
        return stageIds.get(index);
    }

    public int lastStage() {
        return STAGES - 1;
    }
}
