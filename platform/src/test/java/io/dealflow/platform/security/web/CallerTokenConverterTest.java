package io.dealflow.platform.security.web;

import io.dealflow.platform.security.Caller;
import io.dealflow.platform.security.Departments;
import io.dealflow.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTokenConverterTest {

    @Test
    void theCallerIsTheSubjectItsClientRolesAndDepartments() {
        Jwt jwt = token().subject("sales-head").claim("client_id", "sales-head").claim("roles", List.of("head"))
                .claim("departments", List.of("sales")).build();

        assertThat(CallerTokenConverter.callerOf(jwt)).isEqualTo(new Caller("sales-head", "sales-head",
                Set.of(Role.HEAD), Departments.of(List.of("sales"))));
    }

    @Test
    void aKeycloakTokenNamesItsClientInAzpAndMayListRolesAsOneString() {
        Jwt jwt = token().subject("f3a1-service-account").claim("azp", "erp-connector")
                .claim("roles", "integration offline_access").claim("departments", "*").build();

        Caller caller = CallerTokenConverter.callerOf(jwt);
        assertThat(caller.clientId()).isEqualTo("erp-connector");
        assertThat(caller.roles()).containsExactly(Role.INTEGRATION);
        assertThat(caller.departments()).isEqualTo(Departments.ALL);
    }

    @Test
    void aTokenThatNamesNobodyIsNotAccepted() {
        Jwt nobody = token().claim("roles", List.of("admin")).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallerTokenConverter.callerOf(nobody))
                .isInstanceOf(org.springframework.security.oauth2.server.resource.InvalidBearerTokenException.class);
    }

    @Test
    void aClientCredentialsTokenWithoutSubIsTheClientsOwn() {
        Jwt jwt = token().claim("azp", "erp-connector").build();

        assertThat(CallerTokenConverter.callerOf(jwt).subject()).isEqualTo("erp-connector");
    }

    @Test
    void aTokenWithoutRolesOrDepartmentsMayDoNothing() {
        Caller caller = CallerTokenConverter.callerOf(token().subject("someone").build());

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.departments()).isEqualTo(Departments.NONE);
        assertThat(caller.clientId()).isNull();
    }

    @Test
    void authoritiesCarryTheRoles() {
        Jwt jwt = token().subject("dealflow-admin").claim("roles", List.of("admin", "not-a-dealflow-role")).build();

        assertThat(new CallerTokenConverter().convert(jwt).getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_admin");
    }

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("token").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
    }
}
