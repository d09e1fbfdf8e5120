package io.dealflow.soak.check;

import static io.dealflow.soak.check.SoakMother.fields;
import static io.dealflow.soak.check.SoakMother.opened;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConsumerPositionsCheckTest {

    private final ConsumerPositionsCheck check = new ConsumerPositionsCheck();
    private final History history = History.of(List.of(opened("d1", "r", "new-inquiry", "olena"), fields("d1", 1)));

    @Test
    void aConsumerAtEveryDealsLastEventPasses() {
        assertThat(check.check("task-service", history, Map.of("d1", 1L))).isEmpty();
    }

    @Test
    void aConsumerBehindMissesAnEvent() {
        assertThat(check.check("task-service", history, Map.of("d1", 0L)))
                .extracting(Finding::kind).containsExactly("missing");
        assertThat(check.check("task-service", history, Map.of()))
                .extracting(Finding::kind).containsExactly("missing");
    }

    @Test
    void aConsumerAheadOfTheStoreOrOnAnUnknownDealIsFound() {
        assertThat(check.check("task-service", history, Map.of("d1", 2L, "d9", 0L)))
                .extracting(Finding::kind).containsExactly("duplicated", "duplicated");
    }
}
