package io.dealflow.analytics.metrics;

import io.dealflow.analytics.projection.FinishedVisit;
import io.dealflow.api.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ops' view of the funnel as it happens: stage durations per pipeline and stage, deals won and lost per pipeline,
 * and how far behind each topic the projections are. Tags are pipelines, stages and topics only, never deal ids:
 * those would make one time series per deal.
 */
@Component
public class AnalyticsMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> lastEventTime = new ConcurrentHashMap<>();

    public AnalyticsMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (String topic : List.of(Topics.DEAL_EVENTS, Topics.TASK_EVENTS)) {
            Gauge.builder("dealflow.analytics.projection.lag", this, metrics -> metrics.lagSeconds(topic))
                    .description("Now minus the occurredAt of the last event the live consumer applied")
                    .baseUnit("seconds").tag("topic", topic).register(registry);
        }
    }

    /**
     * Every finished visit, catch-up or not: whether a visit belongs to a catch-up run is only known when a later
     * change arrives, and a histogram cannot take a sample back. The time-in-stage report is the exact figure.
     */
    public void visitFinished(FinishedVisit visit) {
        Timer.builder("dealflow.analytics.stage.duration")
                .description("Time deals spent in a stage, per pipeline and stage")
                .tag("pipeline", visit.pipelineId()).tag("stage", visit.stageId())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(1)).maximumExpectedValue(Duration.ofDays(90))
                .register(registry)
                .record(visit.duration().isNegative() ? Duration.ZERO : visit.duration());
        if ("WON".equals(visit.exitKind()) || "LOST".equals(visit.exitKind())) {
            Counter.builder("dealflow.analytics.deals.closed")
                    .description("Deals won or lost, per pipeline")
                    .tag("pipeline", visit.pipelineId()).tag("outcome", visit.exitKind())
                    .register(registry).increment();
        }
    }

    public void applied(String topic, Instant occurredAt) {
        lastEventTime.put(topic, occurredAt);
    }

    private double lagSeconds(String topic) {
        Instant last = lastEventTime.get(topic);
        return last == null ? 0 : Math.max(0, Duration.between(last, clock.instant()).toMillis() / 1000.0);
    }
}
