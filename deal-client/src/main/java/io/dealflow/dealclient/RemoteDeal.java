package io.dealflow.dealclient;

import java.util.List;

/**
 * The part of deal-service's Deal representation its callers act on; the rest of it is ignored.
 *
 * @param status {@code OPEN}, {@code WON} or {@code LOST}
 */
public record RemoteDeal(String id, String pipelineId, String status, long version, List<Attachment> attachments) {

    public RemoteDeal {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
