package io.dealflow.deal.metrics;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.deal.ProcessingGroups;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Counts deal events as they are stored (a subscribing processor, so a replay never counts twice). Tags are
 * bounded: pipeline, event type, direction, stage and loss reason come from pipeline definitions; never a deal id.
 */
@Component
@ProcessingGroup(ProcessingGroups.DEAL_METRICS)
class DealMetrics {

    private final MeterRegistry meters;

    DealMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counted once the command's transaction has committed: a command decided again after a conflict counts once. */
    @EventHandler
    void on(DealEvent event) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(committed -> count(event));
        } else {
            count(event);
        }
    }

    private void count(DealEvent event) {
        Counter.builder("dealflow.deal.events")
                .description("Deal events stored, by pipeline and type")
                .tag("pipeline", event.pipelineId())
                .tag("type", event.eventType())
                .register(meters)
                .increment();
        if (event instanceof DealStageChanged changed) {
            Counter.builder("dealflow.deal.stage.changes")
                    .description("Stage changes by pipeline, target stage and direction; skips counted separately")
                    .tag("pipeline", changed.pipelineId())
                    .tag("to_stage", changed.toStageId())
                    .tag("direction", changed.direction().name())
                    .tag("skip", String.valueOf(!changed.skippedStageIds().isEmpty()))
                    .register(meters)
                    .increment();
        }
        if (event instanceof DealLost lost) {
            Counter.builder("dealflow.deal.lost")
                    .description("Deals lost by pipeline, stage and reason")
                    .tag("pipeline", lost.pipelineId())
                    .tag("stage", lost.stageId())
                    .tag("reason", lost.reasonCode())
                    .register(meters)
                    .increment();
        }
    }
}
