package io.dealflow.platform.security;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.ForbiddenException;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The access decisions of DESIGN §6: a role the endpoint allows, and the departments of what it acts on. A refusal
 * is a {@link ForbiddenException} that names what is missing, so the caller knows which token to ask for.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /**
     * @param owners for each thing the request names (its deal, its pipeline), the departments that own it, as far
     *               as they are known before the handler runs: the caller must act for one of each. What does not
     *               exist is owned by none. Asked only of a caller with an allowed role, so one who may not call
     *               the endpoint learns nothing of its target.
     * @return the refusal, or empty when the caller may go on
     */
    public static Optional<ForbiddenException> refusal(AccessRule rule, Caller caller,
                                                       Supplier<? extends Collection<Set<String>>> owners) {
        if (!caller.hasAnyOf(rule.roles())) {
            return Optional.of(roleRequired(rule, caller));
        }
        boolean everything = rule.scopes().stream().anyMatch(Scope.Everything.class::isInstance);
        if (everything && !caller.departments().isAll()) {
            return Optional.of(outside(caller, "*", rule.endpoint() + " acts on every department at once"));
        }
        if (caller.departments().isAll()) {
            // in every department whatever it names: nothing to look up (a command of an integration client for all
            // departments, or of a service, costs no query for it)
            return Optional.empty();
        }
        for (Set<String> owning : owners.get()) {
            if (!owning.isEmpty() && owning.stream().noneMatch(caller.departments()::includes)) {
                String department = String.join(" or ", new TreeSet<>(owning));
                return Optional.of(outside(caller, department, "it belongs to department '" + department + "'"));
            }
        }
        return Optional.empty();
    }

    /** For a department the handler learns from the body: throws when the caller does not act for it. */
    public static void requireDepartment(Caller caller, String department, String what) {
        requireDepartment(caller, () -> Optional.ofNullable(department), what);
    }

    /**
     * The same, with the department looked up only for a caller that does not act for every department.
     *
     * @param department empty when nothing owns it (an unknown pipeline: the handler answers its 404)
     */
    public static void requireDepartment(Caller caller, Supplier<Optional<String>> department, String what) {
        if (caller.departments().isAll()) {
            return;
        }
        department.get().filter(owner -> !caller.departments().includes(owner)).ifPresent(owner -> {
            throw outside(caller, owner, what + " belongs to department '" + owner + "'");
        });
    }

    /** An endpoint without a rule: refused to every caller, whatever its roles. */
    public static ForbiddenException noRule(String method, String path) {
        return new ForbiddenException(ProblemTypes.ROLE_REQUIRED, "No role may call " + method + " " + path
                + ": it has no access rule.", Map.of("requiredRoles", Set.of()));
    }

    private static ForbiddenException roleRequired(AccessRule rule, Caller caller) {
        Set<String> required = rule.roles().stream().map(Role::claimValue)
                .collect(Collectors.toCollection(TreeSet::new));
        String held = caller.roles().isEmpty() ? "none"
                : caller.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(", "));
        return new ForbiddenException(ProblemTypes.ROLE_REQUIRED, rule.endpoint() + " needs role "
                + String.join(" or ", required) + "; this token's roles: " + held + ".",
                Map.of("requiredRoles", required));
    }

    private static ForbiddenException outside(Caller caller, String department, String why) {
        return new ForbiddenException(ProblemTypes.DEPARTMENT_NOT_ALLOWED, "This token acts for department(s) "
                + caller.departments() + ", not '" + department + "': " + why + ".",
                Map.of("department", department));
    }
}
