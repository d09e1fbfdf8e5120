package io.dealflow.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which departments own what an id names (a deal, a pipeline, a task, a handoff): its pipeline's department, or
 * both ends' for a handoff. A caller of any one of them may act on it. Empty when nothing has that id, so the
 * request goes on to its 404.
 */
@FunctionalInterface
public interface DepartmentLookup {

    Set<String> departmentsOf(String id);

    /** For what belongs to one department, as most things do. */
    static DepartmentLookup single(Function<String, Optional<String>> departmentOf) {
        return id -> departmentOf.apply(id).map(Set::of).orElse(Set.of());
    }
}
