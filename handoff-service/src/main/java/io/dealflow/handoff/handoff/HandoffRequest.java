package io.dealflow.handoff.handoff;

import io.dealflow.handoff.deal.DealSnapshot;

import java.util.List;
import java.util.Map;

/**
 * Exactly what is sent to deal-service: the new deal (an {@code OpenDeal} body, DESIGN §4, with the origin link and
 * the originating manager, who keeps the credit for the sale) and the attachments to add to it.
 */
public record HandoffRequest(OpenDeal deal, List<DealSnapshot.Attachment> attachments) {

    /** The same request, opening the deal for another manager: a receiver picked on a person's retry. */
    HandoffRequest withReceiver(String receiverId) {
        return new HandoffRequest(deal.withManager(receiverId), attachments);
    }

    public record OpenDeal(String pipelineId, String title, String managerId, Map<String, String> fields,
                           List<String> tags, String externalRef, String originDealId, String originManagerId) {

        OpenDeal withManager(String managerId) {
            return new OpenDeal(pipelineId, title, managerId, fields, tags, externalRef, originDealId,
                    originManagerId);
        }
    }
}
