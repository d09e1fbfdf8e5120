package io.dealflow.deal.deal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** R11: a reference to a document kept elsewhere (e.g. a signed scan in a document store). */
public record AttachDocumentRequest(
        @NotBlank @Size(max = DealInputLimits.DOCUMENT_NAME) String name,
        @NotBlank @Size(max = DealInputLimits.URI)
        @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9+.-]*:\\S+", message = "must be an absolute URI") String uri,
        @NotBlank @Pattern(regexp = DealInputLimits.CONTENT_TYPE, message = "must be a media type like application/pdf")
        String contentType) {
}
