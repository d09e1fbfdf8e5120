package io.dealflow.platform.security;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.ForbiddenException;
import io.dealflow.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorRulesTest {

    private static final Caller INTEGRATION = new Caller("demo-integration", "demo-integration",
            Set.of(Role.INTEGRATION), Departments.ALL);
    private static final Caller HEAD = new Caller("sales-head", "sales-head", Set.of(Role.HEAD),
            Departments.of(Set.of("sales")));

    @Test
    void withoutTheHeaderTheActorIsTheTokensSubjectSentByItsClient() {
        assertThat(ActorRules.actorOf(HEAD, null)).isEqualTo(new Actor("sales-head", "sales-head"));
        assertThat(ActorRules.actorOf(INTEGRATION, " ")).isEqualTo(new Actor("demo-integration", "demo-integration"));
    }

    @Test
    void anIntegrationClientNamesThePersonItActsFor() {
        assertThat(ActorRules.actorOf(INTEGRATION, " olena ")).isEqualTo(new Actor("olena", "demo-integration"));
    }

    @Test
    void theHeaderFromAnyOtherCallerIsRefusedNamingTheRoleThatMay() {
        assertThatThrownBy(() -> ActorRules.actorOf(HEAD, "olena"))
                .isInstanceOfSatisfying(ForbiddenException.class, refusal -> {
                    assertThat(refusal.type()).isEqualTo(ProblemTypes.ACTOR_NOT_ALLOWED);
                    assertThat(refusal.properties()).containsEntry("requiredRole", "integration");
                });
    }

    @Test
    void aNameLongerThanAnyIdIsInvalid() {
        assertThatThrownBy(() -> ActorRules.actorOf(INTEGRATION, "x".repeat(ActorRules.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidInputException.class);
    }
}
