package io.dealflow.handoff.deal;

import java.util.List;
import java.util.Map;

/** A deal as its events built it: everything a handoff copies. */
public record DealSnapshot(String dealId, String pipelineId, String title, String managerId, Map<String, String> fields,
                           List<String> tags, List<Attachment> attachments, String externalRef) {

    public record Attachment(String name, String uri, String contentType) {
    }
}
