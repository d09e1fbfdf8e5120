package io.dealflow.platform.web;

import io.dealflow.platform.problem.PreconditionFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedVersionTest {

    @Test
    void anIfMatchOfOurETagExpectsThatVersion() {
        assertThat(ExpectedVersion.fromIfMatch(EntityVersions.etag(4))).isEqualTo(new ExpectedVersion(4L));
        assertThat(ExpectedVersion.fromIfMatch("W/\"4\"")).isEqualTo(new ExpectedVersion(4L));
    }

    @Test
    void noIfMatchOrAStarAcceptsAnyVersion() {
        assertThat(ExpectedVersion.fromIfMatch(null).version()).isNull();
        assertThat(ExpectedVersion.fromIfMatch(" * ").version()).isNull();
    }

    @Test
    void anIfMatchThatIsNoneOfOurETagsCanNeverMatch() {
        assertThatThrownBy(() -> ExpectedVersion.fromIfMatch("\"abc\""))
                .isInstanceOf(PreconditionFailedException.class);
    }
}
