package io.dealflow.handoff.handoff;

import io.dealflow.dealclient.Attachment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentProgressTest {

    private static final Attachment OFFER = new Attachment("Offer", "s3://docs/offer.pdf", "application/pdf");
    private static final Attachment SPEC = new Attachment("Spec", "s3://docs/spec.pdf", "application/pdf");
    private static final Attachment OTHER = new Attachment("Scan", "s3://docs/scan.pdf", "application/pdf");

    @Test
    void aNewDealHasNoneOfThem() {
        assertThat(AttachmentProgress.alreadyAttached(List.of(), List.of(OFFER, SPEC))).isZero();
    }

    @Test
    void thoseAddedByAnEarlierAttemptAreNotSentAgain() {
        assertThat(AttachmentProgress.alreadyAttached(List.of(OFFER), List.of(OFFER, SPEC))).isEqualTo(1);
        assertThat(AttachmentProgress.alreadyAttached(List.of(OFFER, SPEC), List.of(OFFER, SPEC))).isEqualTo(2);
    }

    @Test
    void aDocumentSomeoneElseAttachedIsNotMistakenForOneOfOurs() {
        assertThat(AttachmentProgress.alreadyAttached(List.of(OTHER, OFFER), List.of(OFFER, SPEC))).isZero();
        assertThat(AttachmentProgress.alreadyAttached(List.of(OFFER, OTHER), List.of(OFFER, SPEC))).isEqualTo(1);
    }

    @Test
    void theSameDocumentTwiceIsCountedTwice() {
        assertThat(AttachmentProgress.alreadyAttached(List.of(OFFER), List.of(OFFER, OFFER))).isEqualTo(1);
    }
}
