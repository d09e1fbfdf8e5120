package io.dealflow.soak;

import java.util.HashSet;
import java.util.Set;

import io.dealflow.soak.check.Reports;
import io.dealflow.soak.traffic.SoakApi;
import tools.jackson.databind.JsonNode;

/** Conversion, loss reasons and the funnel of one pipeline as analytics-service answers them, over all time. */
final class AnalyticsReports {

    private AnalyticsReports() {
    }

    static Reports fetch(SoakApi api, String analytics, String pipelineId) throws InterruptedException {
        Set<Reports.ConversionRow> conversion = new HashSet<>();
        for (JsonNode row : rows(api, analytics + "/api/v1/analytics/conversion?pipelineId=" + pipelineId)) {
            conversion.add(new Reports.ConversionRow(row.path("managerId").asString(),
                    row.path("pipelineVersion").asInt(), row.path("stageId").asString(), row.path("entered").asInt(),
                    row.path("advanced").asInt(), row.path("lost").asInt(), row.path("stillThere").asInt()));
        }
        Set<Reports.LossRow> losses = new HashSet<>();
        for (JsonNode row : rows(api, analytics + "/api/v1/analytics/loss-reasons?pipelineId=" + pipelineId)) {
            losses.add(new Reports.LossRow(row.path("pipelineVersion").asInt(), row.path("stageId").asString(),
                    row.path("reasonCode").asString(), row.path("count").asInt()));
        }
        Set<Reports.FunnelRow> funnel = new HashSet<>();
        for (JsonNode row : rows(api, analytics + "/api/v1/analytics/funnel?pipelineId=" + pipelineId)) {
            funnel.add(new Reports.FunnelRow(row.path("pipelineVersion").asInt(), row.path("stageId").asString(),
                    row.path("open").asInt()));
        }
        return new Reports(conversion, losses, funnel);
    }

    private static JsonNode rows(SoakApi api, String url) throws InterruptedException {
        return api.read(url).filter(SoakApi.Answer::ok)
                .orElseThrow(() -> new IllegalStateException("analytics-service did not answer " + url)).body();
    }
}
