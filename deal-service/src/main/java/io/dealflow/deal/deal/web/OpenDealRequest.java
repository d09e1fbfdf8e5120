package io.dealflow.deal.deal.web;

import io.dealflow.deal.deal.command.OpenDealCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** {@code origin*} are set by handoff-service when a won deal continues in the next department's pipeline (R7). */
public record OpenDealRequest(
        @NotBlank @Size(max = DealInputLimits.ID) String pipelineId,
        @NotBlank @Size(max = DealInputLimits.TITLE) String title,
        @NotBlank @Size(max = DealInputLimits.ID) String managerId,
        @Size(max = DealInputLimits.FIELDS) Map<
                @Pattern(regexp = DealInputLimits.FIELD_NAME, message = DealInputLimits.FIELD_NAME_MESSAGE) String,
                @Size(max = DealInputLimits.FIELD_VALUE) String> fields,
        @Size(max = DealInputLimits.TAGS) List<@NotBlank @Size(max = DealInputLimits.TAG) String> tags,
        @Size(max = DealInputLimits.EXTERNAL_REF) String externalRef,
        @Size(max = DealInputLimits.ID) String originDealId,
        @Size(max = DealInputLimits.ID) String originManagerId) {

    OpenDealCommand toCommand(String dealId, String actor) {
        return new OpenDealCommand(dealId, pipelineId, title, managerId, fields, tags, externalRef, originDealId,
                originManagerId, actor);
    }
}
