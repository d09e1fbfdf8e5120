package io.dealflow.deal.deal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ReassignManagerRequest(@NotBlank @Size(max = DealInputLimits.ID) String managerId) {
}
