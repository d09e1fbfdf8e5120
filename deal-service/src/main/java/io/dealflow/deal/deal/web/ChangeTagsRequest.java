package io.dealflow.deal.deal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

public record ChangeTagsRequest(
        @Size(max = DealInputLimits.TAGS) List<@NotBlank @Size(max = DealInputLimits.TAG) String> add,
        @Size(max = DealInputLimits.TAGS) List<@NotBlank @Size(max = DealInputLimits.TAG) String> remove) {
}
