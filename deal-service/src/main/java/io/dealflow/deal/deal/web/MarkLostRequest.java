package io.dealflow.deal.deal.web;

import jakarta.validation.constraints.Size;

/**
 * Not {@code @NotBlank}: a missing reason or comment is a funnel rule (R3) that the aggregate refuses with its own
 * problem type, not malformed input.
 */
public record MarkLostRequest(@Size(max = DealInputLimits.ID) String reasonCode,
                              @Size(max = DealInputLimits.COMMENT) String comment) {
}
