package io.dealflow.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentsTest {

    @Test
    void theClaimIsAnArrayOfIdsOrTheStarForAll() {
        assertThat(Departments.fromClaim(List.of("sales", "contracts")).includes("contracts")).isTrue();
        assertThat(Departments.fromClaim(List.of("sales")).includes("contracts")).isFalse();
        assertThat(Departments.fromClaim("*")).isEqualTo(Departments.ALL);
        assertThat(Departments.fromClaim(List.of("*"))).isEqualTo(Departments.ALL);
        assertThat(Departments.fromClaim("sales").restriction()).contains(Set.of("sales"));
    }

    @Test
    void aMissingOrMalformedClaimIsNoDepartment() {
        assertThat(Departments.fromClaim(null)).isEqualTo(Departments.NONE);
        assertThat(Departments.fromClaim(42).includes("sales")).isFalse();
        assertThat(Departments.fromClaim(List.of(" ", "")).restriction()).contains(Set.of());
    }

    @Test
    void allDepartmentsRestrictNothing() {
        assertThat(Departments.ALL.restriction()).isEmpty();
        assertThat(Departments.ALL.toString()).isEqualTo("*");
        assertThat(Departments.of(List.of("sales", "contracts")).toString()).isEqualTo("contracts, sales");
    }
}
