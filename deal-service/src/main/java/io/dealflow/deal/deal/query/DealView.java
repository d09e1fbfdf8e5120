package io.dealflow.deal.deal.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dealflow.deal.deal.command.DealStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The Deal representation of DESIGN §4; field names are part of the REST contract. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DealView(String id, String pipelineId, int pipelineVersion, String title, String managerId,
                       String stageId, DealStatus status, Map<String, String> fields, List<String> tags,
                       List<Attachment> attachments, long version, Instant openedAt, Instant stageEnteredAt,
                       Instant closedAt, LossReasonView lossReason, String originDealId, String externalRef) {

    public record Attachment(String name, String uri, String contentType) {
    }

    public record LossReasonView(String code, String comment, String stageId) {
    }
}
