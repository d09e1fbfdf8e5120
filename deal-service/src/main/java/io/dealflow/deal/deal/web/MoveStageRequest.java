package io.dealflow.deal.deal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record MoveStageRequest(@NotBlank @Size(max = DealInputLimits.ID) String stageId,
                               @Size(max = DealInputLimits.REASON) String reason) {
}
