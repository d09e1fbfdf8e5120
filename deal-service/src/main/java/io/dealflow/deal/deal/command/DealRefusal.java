package io.dealflow.deal.deal.command;

import io.dealflow.api.ProblemTypes;
import io.dealflow.api.id.DealId;
import io.dealflow.api.id.PipelineId;
import io.dealflow.api.id.StageId;
import io.dealflow.platform.refusal.Refusal;
import io.dealflow.platform.refusal.RefusalProperties;

import java.util.List;
import java.util.Map;

/**
 * Every way {@link Deal} refuses a command, one record per rule, each carrying the data of its refusal. The status a
 * client sees is the web layer's ({@code DealServiceProblems}); the type slug and the detail are the rule's. Ids the
 * deal knows are values here; a problem's properties carry them as the plain strings a client reads.
 */
public sealed interface DealRefusal extends Refusal {

    /** Shared by the required-fields refusals, so that a client reads the same sentence either way. */
    private static String missing(List<String> fields) {
        return " Missing: " + fields + " ('a|b' means at least one of them).";
    }

    private static List<String> values(List<StageId> stages) {
        return stages.stream().map(StageId::value).toList();
    }

    /** An id chosen by the caller opens one deal: a different opening under it is refused. */
    record DealIdTaken(DealId dealId) implements DealRefusal {
        @Override
        public String type() {
            return ProblemTypes.DEAL_ID_TAKEN;
        }

        @Override
        public String detail() {
            return "Deal " + dealId + " was already opened by a different request; a new deal needs a new id.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("dealId", dealId.value());
        }
    }

    /** A deal opens in a pipeline that exists. */
    record PipelineNotFound(String pipelineId) implements DealRefusal {
        @Override
        public String type() {
            return ProblemTypes.PIPELINE_NOT_FOUND;
        }

        @Override
        public String detail() {
            return "There is no pipeline '" + pipelineId + "'.";
        }
    }

    /** An imported history opens its deal once, by its first row, and by no later one. */
    record OpenedTwice(String externalRef, HistoryAction action) implements DealRefusal {
        @Override
        public String type() {
            return ProblemTypes.IMPORT_ROW_INVALID;
        }

        @Override
        public String detail() {
            return "Deal '" + externalRef + "' is opened once, by its first row.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("action", action.name());
        }
    }

    /** An imported history begins with the opening of its deal. */
    record FirstRowNotOpened(String externalRef, HistoryAction action) implements DealRefusal {
        @Override
        public String type() {
            return ProblemTypes.IMPORT_ROW_INVALID;
        }

        @Override
        public String detail() {
            return "The first row of deal '" + externalRef + "' must be OPENED, not " + action + ".";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("action", action.name());
        }
    }

    /** R2: a deal enters a stage (or opens in the first) only with the fields the stage requires. */
    record RequiredFieldsMissing(StageId stageId, List<String> missingFields) implements DealRefusal {
        public RequiredFieldsMissing {
            missingFields = List.copyOf(missingFields);
        }

        @Override
        public String type() {
            return ProblemTypes.REQUIRED_FIELDS_MISSING;
        }

        @Override
        public String detail() {
            return "Stage '" + stageId + "' requires these fields to be filled first." + missing(missingFields);
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("stageId", stageId.value(), "missingFields", missingFields);
        }
    }

    /** R2: what the deal's stage requires cannot be cleared while the deal is in it. */
    record RequiredFieldsCleared(StageId stageId, List<String> missingFields) implements DealRefusal {
        public RequiredFieldsCleared {
            missingFields = List.copyOf(missingFields);
        }

        @Override
        public String type() {
            return ProblemTypes.REQUIRED_FIELDS_MISSING;
        }

        @Override
        public String detail() {
            return "The deal is in stage '" + stageId + "', which requires these fields; they cannot be cleared."
                    + missing(missingFields);
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("stageId", stageId.value(), "missingFields", missingFields);
        }
    }

    /** A move names a stage of the pipeline version the deal is judged under; {@code stageId} is as it was asked. */
    record UnknownStage(PipelineId pipelineId, int pipelineVersion, String stageId, List<String> stages)
            implements DealRefusal {
        public UnknownStage {
            stages = List.copyOf(stages);
        }

        @Override
        public String type() {
            return ProblemTypes.UNKNOWN_STAGE;
        }

        @Override
        public String detail() {
            return "Pipeline '" + pipelineId + "' (version " + pipelineVersion + ") has no stage '" + stageId + "'.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("stageId", String.valueOf(stageId), "stages", stages);
        }
    }

    /** A move goes somewhere. */
    record AlreadyInStage(StageId stageId) implements DealRefusal {
        @Override
        public String type() {
            return ProblemTypes.ALREADY_IN_STAGE;
        }

        @Override
        public String detail() {
            return "The deal is already in stage '" + stageId + "'.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("stageId", stageId.value());
        }
    }

    /** R1: a {@code STRICT} pipeline moves one stage at a time. */
    record SkipNotAllowed(PipelineId pipelineId, StageId toStageId, List<StageId> skippedStageIds)
            implements DealRefusal {
        public SkipNotAllowed {
            skippedStageIds = List.copyOf(skippedStageIds);
        }

        @Override
        public String type() {
            return ProblemTypes.STAGE_SKIP_NOT_ALLOWED;
        }

        @Override
        public String detail() {
            return "Pipeline '" + pipelineId + "' moves one stage at a time; moving to '" + toStageId
                    + "' would skip " + skippedStageIds + ".";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("toStageId", toStageId.value(), "skippedStageIds", values(skippedStageIds));
        }
    }

    /** R1: an {@code ALLOW_WITH_REASON} pipeline records every skip with its reason. */
    record SkipReasonRequired(PipelineId pipelineId, StageId toStageId, List<StageId> skippedStageIds)
            implements DealRefusal {
        public SkipReasonRequired {
            skippedStageIds = List.copyOf(skippedStageIds);
        }

        @Override
        public String type() {
            return ProblemTypes.SKIP_REASON_REQUIRED;
        }

        @Override
        public String detail() {
            return "Skipping " + skippedStageIds + " is allowed in pipeline '" + pipelineId + "' only with a reason.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("toStageId", toStageId.value(), "skippedStageIds", values(skippedStageIds));
        }
    }

    /** R1: a pipeline whose backward mode is {@code FORBIDDEN} never moves a deal back. */
    record BackwardMoveNotAllowed(PipelineId pipelineId, StageId toStageId) implements DealRefusal {
        @Override
        public String type() {
            return ProblemTypes.BACKWARD_MOVE_NOT_ALLOWED;
        }

        @Override
        public String detail() {
            return "Pipeline '" + pipelineId + "' does not allow moving a deal back to '" + toStageId + "'.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("toStageId", toStageId.value());
        }
    }

    /** R1: a backward move, where allowed, says why. */
    record BackwardReasonRequired(StageId toStageId) implements DealRefusal {
        @Override
        public String type() {
            return ProblemTypes.BACKWARD_REASON_REQUIRED;
        }

        @Override
        public String detail() {
            return "Moving a deal back to '" + toStageId + "' needs a reason.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("toStageId", toStageId.value());
        }
    }

    /** R3: a deal is won from the pipeline's last stage only. */
    record WonOnlyFromLastStage(StageId stageId, StageId lastStageId) implements DealRefusal {
        @Override
        public String type() {
            return ProblemTypes.WON_ONLY_FROM_LAST_STAGE;
        }

        @Override
        public String detail() {
            return "A deal is won only from the last stage '" + lastStageId + "'; it is in '" + stageId
                    + "'. Move it through the remaining stages first.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("stageId", stageId.value(), "lastStageId", lastStageId.value());
        }
    }

    /** R3: a lost deal names a reason from the pipeline's list. */
    record LossReasonRequired(List<String> lossReasons) implements DealRefusal {
        public LossReasonRequired {
            lossReasons = List.copyOf(lossReasons);
        }

        @Override
        public String type() {
            return ProblemTypes.LOSS_REASON_REQUIRED;
        }

        @Override
        public String detail() {
            return "A lost deal needs a reasonCode from the pipeline's list.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("lossReasons", lossReasons);
        }
    }

    /** R3: the reason is one of the pipeline's. */
    record UnknownLossReason(PipelineId pipelineId, String reasonCode, List<String> lossReasons)
            implements DealRefusal {
        public UnknownLossReason {
            lossReasons = List.copyOf(lossReasons);
        }

        @Override
        public String type() {
            return ProblemTypes.UNKNOWN_LOSS_REASON;
        }

        @Override
        public String detail() {
            return "'" + reasonCode + "' is not a loss reason of pipeline '" + pipelineId + "'.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("reasonCode", reasonCode, "lossReasons", lossReasons);
        }
    }

    /** R3: a lost deal says what happened, beyond its reason code. */
    record LossCommentRequired() implements DealRefusal {
        @Override
        public String type() {
            return ProblemTypes.LOSS_COMMENT_REQUIRED;
        }

        @Override
        public String detail() {
            return "A lost deal needs a comment saying what happened, in addition to the reason code.";
        }
    }

    /** R3: a won or lost deal does not change. */
    record DealClosed(DealId dealId, DealStatus status) implements DealRefusal {
        @Override
        public String type() {
            return ProblemTypes.DEAL_CLOSED;
        }

        @Override
        public String detail() {
            return "Deal " + dealId + " is " + status + "; a closed deal does not change.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("dealStatus", status.name());
        }
    }
}
