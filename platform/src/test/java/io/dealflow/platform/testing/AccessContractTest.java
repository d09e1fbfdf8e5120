package io.dealflow.platform.testing;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.security.AccessRule;
import io.dealflow.platform.security.AccessTable;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §6 for every endpoint of one service, driven by its {@link AccessTable}: each handler has exactly one rule,
 * and for each rule a request without a token, with a forged token, with a role the rule does not allow and from a
 * caller of another department is refused (401, 401, 403, 403) and writes nothing, while an allowed caller gets
 * through. A service's test extends this (a {@code @DealflowIntegrationTest}) and says, per endpoint, one concrete
 * request on something of {@link #department()}, and what to compare to tell that nothing was written.
 */
public abstract class AccessContractTest {

    /** The department every probe's target belongs to. */
    protected String department() {
        return "sales";
    }

    /** A department none of the probes' targets belongs to. */
    protected String otherDepartment() {
        return "contracts";
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected AccessTable table;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    protected RequestMappingHandlerMapping handlers;
    /** For {@link #writes()}. */
    @Autowired
    protected JdbcClient jdbc;

    /** The service under test, called as {@code demo-integration} unless a case says otherwise. */
    protected HttpApi api() {
        return new HttpApi(port);
    }

    /**
     * One request per rule, by {@link AccessRule#endpoint()}. Asked once for the refusals (which change nothing) and
     * anew for each rule an allowed caller calls, so that a command never finds its target changed by another.
     */
    protected abstract Map<String, Probe> probes();

    /**
     * A snapshot of everything a request to the service could write (events, rows, idempotency keys): equal before
     * and after a refused request.
     */
    protected abstract Object writes();

    /** A concrete request for an endpoint: method, path with real ids, and a body (or null). */
    public record Probe(HttpMethod method, String path, Object body) {

        public static Probe get(String path) {
            return new Probe(HttpMethod.GET, path, null);
        }

        public static Probe post(String path, Object body) {
            return new Probe(HttpMethod.POST, path, body);
        }

        ApiResponse sendWith(HttpApi api) {
            // a key, so that a refused request is also seen not to claim one
            return api.call(method, path, body, headers -> {
                if (method != HttpMethod.GET) {
                    headers.set("Idempotency-Key", java.util.UUID.randomUUID().toString());
                }
            });
        }
    }

    @Test
    void everyHandlerHasExactlyOneRuleAndEveryRuleAHandler() {
        Set<String> handled = new TreeSet<>();
        for (RequestMappingInfo mapping : handlers.getHandlerMethods().keySet()) {
            for (String path : mapping.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    mapping.getMethodsCondition().getMethods()
                            .forEach(method -> handled.add(method.name() + " " + path));
                }
            }
        }
        Set<String> ruled = new TreeSet<>();
        table.rules().forEach(rule -> ruled.add(rule.endpoint()));

        assertThat(ruled).as("the access table's endpoints are the handlers' endpoints").isEqualTo(handled);
        assertThat(new TreeSet<>(probes().keySet())).as("a probe for every rule").isEqualTo(ruled);
    }

    @Test
    void withoutATokenEveryEndpointIsChallengedAndWritesNothing() {
        Map<String, Probe> probes = probes();
        for (AccessRule rule : table.rules()) {
            ApiResponse refused = refusedWithoutWriting(probes, rule, api().anonymous());
            assertThat(refused.status()).as(rule.endpoint()).isEqualTo(401);
            assertThat(refused.headers().getFirst("WWW-Authenticate")).as(rule.endpoint()).startsWith("Bearer");
            assertThat(refused.contentType()).as(rule.endpoint()).startsWith("application/problem+json");
        }
    }

    @Test
    void aForgedTokenIsChallengedOnEveryEndpointAndWritesNothing() {
        Map<String, Probe> probes = probes();
        for (AccessRule rule : table.rules()) {
            Role allowed = rule.roles().iterator().next();
            for (Forgery forgery : Forgery.values()) {
                String forged = TestAuthServer.shared().forge().forged(forgery, "it-" + allowed, roleNames(allowed),
                        List.of("*"));
                ApiResponse refused = refusedWithoutWriting(probes, rule, api().withToken(forged));
                assertThat(refused.status()).as(rule.endpoint() + " " + forgery).isEqualTo(401);
                assertThat(refused.problemType()).as(rule.endpoint() + " " + forgery)
                        .isEqualTo(ProblemTypes.INVALID_TOKEN);
            }
        }
    }

    @Test
    void aRoleTheRuleDoesNotAllowIsForbiddenNamingTheRoleAndWritesNothing() {
        Map<String, Probe> probes = probes();
        for (AccessRule rule : table.rules()) {
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(rule.roles()))) {
                DemoClient client = DemoClient.withRole(role.claimValue());
                ApiResponse refused = refusedWithoutWriting(probes, rule, api().as(client));
                assertThat(refused.status()).as(rule.endpoint() + " as " + client).isEqualTo(403);
                assertThat(refused.problemType()).as(rule.endpoint() + " as " + client)
                        .isEqualTo(ProblemTypes.ROLE_REQUIRED);
                assertThat(refused.body().path("requiredRoles").toString()).as(rule.endpoint())
                        .contains(rule.roles().iterator().next().claimValue());
            }
        }
    }

    /**
     * A head of another department where the rule allows heads, else the allowed role for another department; and
     * for an act on every department, a caller of one department only.
     */
    @Test
    void aCallerOfAnotherDepartmentIsForbiddenNamingTheDepartmentAndWritesNothing() {
        Map<String, Probe> probes = probes();
        for (AccessRule rule : table.rules()) {
            if (namesADepartment(rule)) {
                ApiResponse refused = refusedWithoutWriting(probes, rule,
                        api().withToken(otherDepartmentsToken(rule)));
                assertThat(refused.status()).as(rule.endpoint()).isEqualTo(403);
                assertThat(refused.problemType()).as(rule.endpoint()).isEqualTo(ProblemTypes.DEPARTMENT_NOT_ALLOWED);
                assertThat(refused.body().path("department").asString()).as(rule.endpoint()).contains(department());
            }
            if (actsOnEveryDepartment(rule)) {
                Role allowed = rule.roles().iterator().next();
                String oneDepartment = TestAuthServer.shared().forge().token("it-" + allowed, roleNames(allowed),
                        List.of(department()));
                ApiResponse refused = refusedWithoutWriting(probes, rule, api().withToken(oneDepartment));
                assertThat(refused.problemType()).as(rule.endpoint()).isEqualTo(ProblemTypes.DEPARTMENT_NOT_ALLOWED);
            }
        }
    }

    @Test
    void aCallerWithAnAllowedRoleInTheDepartmentGetsThrough() {
        for (AccessRule rule : table.rules()) {
            Map<String, Probe> probes = probes();
            for (Role role : rule.roles()) {
                String token = TestAuthServer.shared().forge().token("it-" + role, roleNames(role),
                        List.of(actsOnEveryDepartment(rule) ? "*" : department()));
                ApiResponse answer = probe(probes, rule).sendWith(api().withToken(token));
                assertThat(answer.status()).as(rule.endpoint() + " as " + role + ": " + answer.body())
                        .isNotIn(401, 403);
            }
        }
    }

    /** The real head of the other department where the rule allows heads, else a token made for the case. */
    private String otherDepartmentsToken(AccessRule rule) {
        if (rule.roles().contains(Role.HEAD)) {
            for (DemoClient head : DemoClient.values()) {
                boolean headOfTheOther = head.role().equals(Role.HEAD.claimValue())
                        && head.departments().equals(List.of(otherDepartment()));
                if (headOfTheOther) {
                    return TestAuthServer.shared().token(head);
                }
            }
        }
        Role allowed = rule.roles().iterator().next();
        return TestAuthServer.shared().forge().token("it-" + allowed, roleNames(allowed), List.of(otherDepartment()));
    }

    private static boolean actsOnEveryDepartment(AccessRule rule) {
        return rule.scopes().stream().anyMatch(Scope.Everything.class::isInstance);
    }

    private static boolean namesADepartment(AccessRule rule) {
        return rule.scopes().stream().anyMatch(scope -> scope instanceof Scope.PathVariable
                || scope instanceof Scope.QueryParameter || scope instanceof Scope.Body);
    }

    private ApiResponse refusedWithoutWriting(Map<String, Probe> probes, AccessRule rule, HttpApi caller) {
        Probe probe = probe(probes, rule);
        Object before = writes();
        ApiResponse answer = probe.sendWith(caller);
        assertThat(writes()).as(rule.endpoint() + " refused (" + answer.status() + ") wrote nothing")
                .isEqualTo(before);
        return answer;
    }

    private static Probe probe(Map<String, Probe> probes, AccessRule rule) {
        Probe probe = probes.get(rule.endpoint());
        assertThat(probe).as("a probe for " + rule.endpoint()).isNotNull();
        return probe;
    }

    private static List<String> roleNames(Role role) {
        return List.of(role.claimValue());
    }
}
