package io.dealflow.analytics.web;

import io.dealflow.analytics.conversion.ConversionReport;
import io.dealflow.analytics.conversion.ConversionRow;
import io.dealflow.analytics.cycletime.CycleTimeReport;
import io.dealflow.analytics.cycletime.CycleTimeRow;
import io.dealflow.analytics.funnel.FunnelReport;
import io.dealflow.analytics.funnel.FunnelRow;
import io.dealflow.analytics.loss.LossReasonReport;
import io.dealflow.analytics.loss.LossReasonRow;
import io.dealflow.analytics.pipeline.ReportPipelines;
import io.dealflow.analytics.projection.Generations;
import io.dealflow.analytics.quality.DataQualityReport;
import io.dealflow.analytics.quality.DataQualityRow;
import io.dealflow.analytics.report.ReportFilter;
import io.dealflow.analytics.report.Reports;
import io.dealflow.analytics.stuck.StuckDealRow;
import io.dealflow.analytics.stuck.StuckDealsReport;
import io.dealflow.analytics.timeinstage.TimeInStageReport;
import io.dealflow.analytics.timeinstage.TimeInStageRow;
import io.dealflow.api.pipeline.PipelineDefined;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * The reports of R6, R8 and R9 for one pipeline (DESIGN §4). Each reads the active projection generation once, so
 * a rebuild switching underneath never mixes generations in one answer. JSON arrays by default, CSV with the same
 * columns for {@code Accept: text/csv}.
 */
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

    private final ReportPipelines catalog;
    private final Generations generations;
    private final Clock clock;
    private final TimeInStageReport timeInStage;
    private final ConversionReport conversion;
    private final LossReasonReport lossReasons;
    private final FunnelReport funnel;
    private final StuckDealsReport stuckDeals;
    private final DataQualityReport dataQuality;
    private final CycleTimeReport cycleTime;

    AnalyticsController(ReportPipelines catalog, Generations generations, Clock clock, TimeInStageReport timeInStage,
                        ConversionReport conversion, LossReasonReport lossReasons, FunnelReport funnel,
                        StuckDealsReport stuckDeals, DataQualityReport dataQuality, CycleTimeReport cycleTime) {
        this.catalog = catalog;
        this.generations = generations;
        this.clock = clock;
        this.timeInStage = timeInStage;
        this.conversion = conversion;
        this.lossReasons = lossReasons;
        this.funnel = funnel;
        this.stuckDeals = stuckDeals;
        this.dataQuality = dataQuality;
        this.cycleTime = cycleTime;
    }

    @GetMapping("/time-in-stage")
    ResponseEntity<?> timeInStage(ReportParams params,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFilter filter = filter(params);
        return Reports.render(accept, TimeInStageRow.class, timeInStage.run(generations.active(), filter));
    }

    @GetMapping("/conversion")
    ResponseEntity<?> conversion(ReportParams params,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFilter filter = filter(params);
        return Reports.render(accept, ConversionRow.class, conversion.run(generations.active(), filter));
    }

    @GetMapping("/loss-reasons")
    ResponseEntity<?> lossReasons(ReportParams params,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFilter filter = filter(params);
        return Reports.render(accept, LossReasonRow.class, lossReasons.run(generations.active(), filter));
    }

    /** Open deals per stage at {@code asOf} (default now); {@code from}/{@code to} do not apply to a snapshot. */
    @GetMapping("/funnel")
    ResponseEntity<?> funnel(ReportParams params, @RequestParam(required = false) String asOf,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFilter filter = ReportFilter.of(params.pipelineId(), params.from(), params.to(), params.managerId());
        Instant at = ReportFilter.instant("asOf", asOf);
        PipelineDefined latest = catalog.latest(filter.pipelineId());
        return Reports.render(accept, FunnelRow.class, funnel.run(generations.active(), latest,
                at == null ? clock.instant() : at, filter.managerOrAll()));
    }

    @GetMapping("/stuck-deals")
    ResponseEntity<?> stuckDeals(ReportParams params,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFilter filter = filter(params);
        return Reports.render(accept, StuckDealRow.class,
                stuckDeals.run(generations.active(), filter, clock.instant()));
    }

    @GetMapping("/data-quality")
    ResponseEntity<?> dataQuality(ReportParams params,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFilter filter = filter(params);
        return Reports.render(accept, DataQualityRow.class, dataQuality.run(generations.active(), filter));
    }

    @GetMapping("/cycle-time")
    ResponseEntity<?> cycleTime(ReportParams params,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFilter filter = filter(params);
        return Reports.render(accept, CycleTimeRow.class, cycleTime.run(generations.active(), filter));
    }

    /** Validates the parameters, then the pipeline: a bad date is a 400 even for an unknown pipeline. */
    private ReportFilter filter(ReportParams params) {
        ReportFilter filter = ReportFilter.of(params.pipelineId(), params.from(), params.to(), params.managerId());
        catalog.latest(filter.pipelineId());
        return filter;
    }
}
