package io.dealflow.handoff.handoff;

import io.dealflow.dealclient.Attachment;

import java.util.List;

/**
 * How far an earlier attempt got with a handoff's attachments. They are added to the new deal in order, right after
 * it opened, so the deal's attachments start with those already added; a document someone else attached since comes
 * after them and is not mistaken for one of ours.
 */
final class AttachmentProgress {

    private AttachmentProgress() {
    }

    /** @return how many of {@code wanted}, from the first, the deal already has in that order */
    static int alreadyAttached(List<Attachment> present, List<Attachment> wanted) {
        int done = 0;
        while (done < wanted.size() && done < present.size() && present.get(done).equals(wanted.get(done))) {
            done++;
        }
        return done;
    }
}
