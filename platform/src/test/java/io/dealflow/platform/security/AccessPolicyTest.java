package io.dealflow.platform.security;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.ForbiddenException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessPolicyTest {

    private static final DepartmentLookup SALES = DepartmentLookup.single(id -> Optional.of("sales"));
    private static final AccessRule MOVE = AccessRule.on("POST", "/api/v1/deals/{dealId}/stage")
            .allow(Role.INTEGRATION).in(Scope.path("dealId", SALES));
    private static final AccessRule REBUILD = AccessRule.on("POST", "/api/v1/admin/projections/rebuild")
            .allow(Role.ADMIN).in(Scope.everything());

    @Test
    void aCallerWithAnAllowedRoleInTheTargetsDepartmentMayGoOn() {
        assertThat(AccessPolicy.refusal(MOVE, caller(Set.of(Role.INTEGRATION), "sales"),
                () -> List.of(Set.of("sales")))).isEmpty();
    }

    @Test
    void aCallerWithoutAnAllowedRoleIsRefusedNamingTheRolesThatWould() {
        Optional<ForbiddenException> refusal = AccessPolicy.refusal(MOVE, caller(Set.of(Role.HEAD), "sales"),
                () -> List.of(Set.of("sales")));

        assertThat(refusal).get().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(ProblemTypes.ROLE_REQUIRED);
            assertThat(problem.properties()).containsEntry("requiredRoles", Set.of("integration"));
            assertThat(problem.detail()).contains("needs role integration").contains("roles: head");
        });
    }

    @Test
    void theTargetsDepartmentIsNotLookedUpForACallerWithoutTheRole() {
        AtomicBoolean lookedUp = new AtomicBoolean();

        AccessPolicy.refusal(MOVE, caller(Set.of(Role.SERVICE), "*"), () -> {
            lookedUp.set(true);
            return List.of(Set.of("sales"));
        });

        assertThat(lookedUp).isFalse();
    }

    @Test
    void forACallerOfEveryDepartmentNothingIsLookedUp() {
        AtomicBoolean lookedUp = new AtomicBoolean();

        assertThat(AccessPolicy.refusal(MOVE, caller(Set.of(Role.INTEGRATION), "*"), () -> {
            lookedUp.set(true);
            return List.of(Set.of("sales"));
        })).isEmpty();
        AccessPolicy.requireDepartment(caller(Set.of(Role.INTEGRATION), "*"), () -> {
            lookedUp.set(true);
            return Optional.of("sales");
        }, "Pipeline 'sales'");

        assertThat(lookedUp).isFalse();
    }

    @Test
    void aCallerOfAnotherDepartmentIsRefusedNamingTheDepartment() {
        Optional<ForbiddenException> refusal = AccessPolicy.refusal(MOVE, caller(Set.of(Role.INTEGRATION),
                "contracts"), () -> List.of(Set.of("sales")));

        assertThat(refusal).get().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(ProblemTypes.DEPARTMENT_NOT_ALLOWED);
            assertThat(problem.properties()).containsEntry("department", "sales");
        });
    }

    @Test
    void aCallerOfEveryDepartmentMayActInAnyOfThem() {
        assertThat(AccessPolicy.refusal(MOVE, caller(Set.of(Role.INTEGRATION), "*"), () -> List.of(Set.of("delivery"))))
                .isEmpty();
    }

    @Test
    void whatTwoDepartmentsOwnACallerOfEitherMayActOn() {
        AccessRule handoff = AccessRule.on("GET", "/api/v1/handoffs/{sourceDealId}").allow(Role.HEAD)
                .in(Scope.path("sourceDealId", id -> Set.of("sales", "contracts")));
        Set<String> salesToContracts = Set.of("sales", "contracts");

        assertThat(AccessPolicy.refusal(handoff, caller(Set.of(Role.HEAD), "contracts"),
                () -> List.of(salesToContracts))).isEmpty();
        assertThat(AccessPolicy.refusal(handoff, caller(Set.of(Role.HEAD), "delivery"),
                () -> List.of(salesToContracts))).get().satisfies(problem -> assertThat(problem.properties())
                        .containsEntry("department", "contracts or sales"));
    }

    @Test
    void whatNobodyOwnsGoesOnToItsNotFound() {
        assertThat(AccessPolicy.refusal(MOVE, caller(Set.of(Role.INTEGRATION), "contracts"), () -> List.of(Set.of())))
                .isEmpty();
    }

    @Test
    void anActOnEveryDepartmentNeedsACallerOfEveryDepartment() {
        assertThat(AccessPolicy.refusal(REBUILD, caller(Set.of(Role.ADMIN), "*"), List::of)).isEmpty();
        assertThat(AccessPolicy.refusal(REBUILD, caller(Set.of(Role.ADMIN), "sales"), List::of)).get()
                .extracting(ForbiddenException::type).isEqualTo(ProblemTypes.DEPARTMENT_NOT_ALLOWED);
    }

    @Test
    void aDepartmentTheHandlerReadsFromTheBodyIsCheckedTheSameWay() {
        Caller salesHead = caller(Set.of(Role.HEAD), "sales");

        AccessPolicy.requireDepartment(salesHead, "sales", "Pipeline 'sales'");
        assertThatThrownBy(() -> AccessPolicy.requireDepartment(salesHead, "contracts", "Pipeline 'contracts'"))
                .isInstanceOfSatisfying(ForbiddenException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(403);
                    assertThat(problem.detail()).contains("'contracts'");
                });
    }

    @Test
    void anEndpointWithoutARuleIsRefusedToEveryone() {
        assertThat(AccessPolicy.noRule("DELETE", "/api/v1/deals/1").detail()).contains("no access rule");
    }

    @Test
    void aRuleMustNameARoleAndATableOneRulePerEndpoint() {
        assertThatThrownBy(() -> new AccessRule("GET", "/x", Set.of(), List.of(Scope.listing())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTable.of(MOVE, MOVE)).hasMessageContaining("Two rules");
        assertThat(AccessTable.of(MOVE, REBUILD).rule("POST", "/api/v1/deals/{dealId}/stage")).contains(MOVE);
    }

    static Caller caller(Set<Role> roles, String... departments) {
        return new Caller("someone", "some-client", roles, Departments.of(List.of(departments)));
    }
}
