package io.dealflow.api.deal;

/** R11: an attachment is a reference (e.g. a signed scan in a document store); the bytes live elsewhere. */
public record DealDocumentAttached(String dealId, String pipelineId, int pipelineVersion, String actor, String name,
                                   String uri, String contentType) implements DealEvent {

    public static DealDocumentAttached of(DealStamp stamp, String name, String uri, String contentType) {
        return new DealDocumentAttached(stamp.deal().value(), stamp.pipeline().value(), stamp.pipelineVersion(),
                stamp.actor(), name, uri, contentType);
    }
}
