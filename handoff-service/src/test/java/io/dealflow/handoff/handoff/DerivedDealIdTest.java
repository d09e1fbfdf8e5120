package io.dealflow.handoff.handoff;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DerivedDealIdTest {

    @Test
    void theSameSourceDealAndRouteAlwaysNameTheSameDeal() {
        assertThat(Handoff.derivedDealId("d-1", "contracts")).isEqualTo(Handoff.derivedDealId("d-1", "contracts"));
    }

    @Test
    void anotherSourceDealOrAnotherTargetNamesAnotherDeal() {
        String id = Handoff.derivedDealId("d-1", "contracts");
        assertThat(Handoff.derivedDealId("d-2", "contracts")).isNotEqualTo(id);
        assertThat(Handoff.derivedDealId("d-1", "delivery")).isNotEqualTo(id);
    }

    @Test
    void theIdIsALowerCaseUuidAsDealServiceRequires() {
        String id = Handoff.derivedDealId(UUID.randomUUID().toString(), "contracts");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(UUID.fromString(id).version()).as("name-based").isEqualTo(3);
    }

    @Test
    void aHandoffThatOpenedItsDealAlreadyKeepsThatDeal() {
        Handoff opened = handoff("d-1", "an-earlier-random-id");
        Handoff notYet = handoff("d-1", null);
        assertThat(opened.dealIdToOpen()).isEqualTo("an-earlier-random-id");
        assertThat(notYet.dealIdToOpen()).isEqualTo(Handoff.derivedDealId("d-1", "contracts"));
    }

    private static Handoff handoff(String source, String targetDealId) {
        HandoffRequest request = new HandoffRequest(new HandoffRequest.OpenDeal("contracts", "t", "lawyer-anna",
                Map.of(), List.of(), null, source, "olena"), List.of());
        return new Handoff(source, "sales", "contracts", "lawyer-anna", request, HandoffStatus.PENDING, targetDealId,
                0, 0, null, null, null, null, null);
    }
}
