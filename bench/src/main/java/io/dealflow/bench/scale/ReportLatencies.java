package io.dealflow.bench.scale;

import io.dealflow.bench.measure.Latencies;
import io.dealflow.bench.rest.Rest;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every analytics report endpoint (analytics-service's AnalyticsController), timed over HTTP one request at a
 * time, as a department head's dashboard asks them. Two unmeasured requests first warm each query's plan.
 */
public final class ReportLatencies {

    public static final List<String> REPORTS = List.of("time-in-stage", "conversion", "loss-reasons", "funnel",
            "stuck-deals", "data-quality", "cycle-time");
    private static final int WARM_UP = 2;

    private final Rest rest;
    private final String analyticsUrl;

    public ReportLatencies(Rest rest, String analyticsUrl) {
        this.rest = rest;
        this.analyticsUrl = analyticsUrl;
    }

    public Map<String, Latencies> measure(String pipelineId, int requests) {
        Map<String, Latencies> byReport = new LinkedHashMap<>();
        for (String report : REPORTS) {
            String url = analyticsUrl + "/api/v1/analytics/" + report + "?pipelineId=" + pipelineId;
            Latencies latencies = new Latencies();
            for (int i = 0; i < WARM_UP + requests; i++) {
                long start = System.nanoTime();
                int status = statusOrFailure(url);
                long end = System.nanoTime();
                if (status / 100 != 2) {
                    latencies.error();
                } else if (i >= WARM_UP) {
                    latencies.recordNanos(start, end);
                }
            }
            byReport.put(report, latencies);
        }
        return byReport;
    }

    /** A refused or broken connection is one failed request of the report, not the end of the scenario. */
    private int statusOrFailure(String url) {
        try {
            return rest.status(url);
        } catch (UncheckedIOException e) {
            return 0;
        }
    }
}
