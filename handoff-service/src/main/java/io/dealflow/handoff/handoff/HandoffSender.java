package io.dealflow.handoff.handoff;

import io.dealflow.handoff.deal.DealSnapshot;
import io.dealflow.dealclient.Attachment;
import io.dealflow.dealclient.DealServiceClient;
import io.dealflow.dealclient.OpenDeal;
import io.dealflow.dealclient.RemoteDeal;
import io.dealflow.platform.web.client.CallOutcome;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Opens the handed-off deal through deal-service under the id derived from the handoff, then adds the attachments
 * the deal does not have yet. Every step is safe to repeat: a second opening of the id answers the deal opened the
 * first time, and the deal's own attachments say which were added already.
 */
@Component
class HandoffSender {

    private final DealServiceClient deals;

    HandoffSender(DealServiceClient deals) {
        this.deals = deals;
    }

    HandoffOutcome handOff(Handoff handoff) {
        String dealId = handoff.dealIdToOpen();
        HandoffRequest.OpenDeal open = handoff.request().deal();
        CallOutcome<RemoteDeal> opened = deals.open(dealId, new OpenDeal(open.pipelineId(), open.title(),
                open.managerId(), open.fields(), open.tags(), open.externalRef(), open.originDealId(),
                open.originManagerId()));
        if (opened instanceof CallOutcome.Failure<RemoteDeal> failure) {
            return HandoffOutcome.failed(failure, handoff.targetDealId());
        }
        List<Attachment> wanted = handoff.request().attachments().stream().map(HandoffSender::attachment).toList();
        List<Attachment> present = ((CallOutcome.Accepted<RemoteDeal>) opened).body().attachments();
        for (int i = AttachmentProgress.alreadyAttached(present, wanted); i < wanted.size(); i++) {
            CallOutcome<RemoteDeal> attached = deals.attach(dealId, wanted.get(i),
                    handoff.idempotencyKey() + ":attachment:" + i);
            if (attached instanceof CallOutcome.Failure<RemoteDeal> failure) {
                return HandoffOutcome.failed(failure, dealId);
            }
        }
        return HandoffOutcome.opened(dealId);
    }

    private static Attachment attachment(DealSnapshot.Attachment attachment) {
        return new Attachment(attachment.name(), attachment.uri(), attachment.contentType());
    }
}
