package io.dealflow.handoff.handoff;

import io.dealflow.api.ProblemTypes;
import io.dealflow.api.id.DealId;
import io.dealflow.handoff.route.Receiver;
import io.dealflow.handoff.route.Route;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffTest {

    private static final Instant WON_AT = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:02Z");
    private final Route route = new Route("sales", "contracts", Receiver.roundRobin(List.of("lawyer-anna")), List.of(),
            Map.of());
    private final HandoffRequest request = new HandoffRequest(new HandoffRequest.OpenDeal("contracts", "Lathe",
            "lawyer-anna", Map.of("amount", "1"), List.of("vip"), "crm-7", "d-1", "olena"), List.of());

    @Test
    void aHandoffWithAReceiverIsDueAtOnceAndNotYetAttempted() {
        Handoff handoff = Handoff.pending(DealId.of("d-1"), route, "lawyer-anna", request, WON_AT, NOW);

        assertThat(handoff).isEqualTo(new Handoff("d-1", "sales", "contracts", "lawyer-anna", request,
                HandoffStatus.PENDING, null, 0, 0, null, NOW, WON_AT, NOW, null));
    }

    @Test
    void aHandoffWhoseRouteNamesNobodyWaitsForAPersonAndSaysWhatToConfigure() {
        Handoff handoff = Handoff.withoutReceiver(DealId.of("d-1"), route, request, WON_AT, NOW);

        assertThat(handoff.status()).isEqualTo(HandoffStatus.FAILED);
        assertThat(handoff.hasNoReceiver()).isTrue();
        assertThat(handoff.nextAttemptAt()).as("never attempted by itself").isNull();
        assertThat(handoff.problem()).containsEntry("type", ProblemTypes.NO_RECEIVER)
                .containsEntry("detail", "Route sales->contracts names nobody to receive the deal: configure "
                        + "dealflow.handoff.routes or dealflow.handoff.departments, then retry.");
        assertThat(handoff.sourceDealId()).isEqualTo("d-1");
        assertThat(handoff.fromPipelineId()).isEqualTo("sales");
        assertThat(handoff.toPipelineId()).isEqualTo("contracts");
        assertThat(handoff.wonAt()).isEqualTo(WON_AT);
        assertThat(handoff.createdAt()).isEqualTo(NOW);
        assertThat(handoff.attempts()).isZero();
    }

    @Test
    void aReceiverPickedLaterChangesOnlyWhoTheDealIsOpenedFor() {
        HandoffRequest unreceived = new HandoffRequest(new HandoffRequest.OpenDeal("contracts", "Lathe", "",
                Map.of("amount", "1"), List.of("vip"), "crm-7", "d-1", "olena"), List.of());

        assertThat(unreceived.withReceiver("lawyer-anna")).isEqualTo(request);
    }
}
