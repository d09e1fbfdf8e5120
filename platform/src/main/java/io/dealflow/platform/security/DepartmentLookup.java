package io.dealflow.platform.security;

import java.util.Optional;

/**
 * Which department owns what an id names (a deal, a pipeline, a task, a handoff): the department of its pipeline.
 * Empty when nothing has that id, so the request goes on to its 404.
 */
@FunctionalInterface
public interface DepartmentLookup {

    Optional<String> departmentOf(String id);
}
