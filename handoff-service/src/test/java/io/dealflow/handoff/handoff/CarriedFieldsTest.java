package io.dealflow.handoff.handoff;

import io.dealflow.handoff.route.Receiver;
import io.dealflow.handoff.route.Route;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CarriedFieldsTest {

    private final Map<String, String> fields = new LinkedHashMap<>(Map.of("equipment", "lathe", "amount", "125000",
            "installationAddress", "Київ"));

    @Test
    void aRouteWithoutAFieldListCarriesEveryField() {
        Route route = new Route("sales", "contracts", Receiver.roundRobin(List.of("a")), List.of(), Map.of());
        assertThat(Handoffs.carriedFields(route, fields)).isEqualTo(fields);
    }

    @Test
    void aRouteCarriesOnlyTheFieldsItNamesRenamedAsItSays() {
        Route route = new Route("sales", "contracts", Receiver.roundRobin(List.of("a")), List.of("amount", "equipment"),
                Map.of("amount", "contractAmount"));
        assertThat(Handoffs.carriedFields(route, fields))
                .containsOnly(Map.entry("contractAmount", "125000"), Map.entry("equipment", "lathe"));
    }
}
