package io.dealflow.task.overdue;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * @param controlTaskDueIn how long a department head has to act on an escalation
 * @param departmentHeads  department (as pipelines name it) → the head who receives its escalations
 */
@ConfigurationProperties("dealflow.tasks")
public record TaskProperties(Overdue overdue, Duration controlTaskDueIn, Map<String, String> departmentHeads) {

    public TaskProperties {
        overdue = overdue == null ? new Overdue(true, Duration.ofSeconds(30)) : overdue;
        controlTaskDueIn = controlTaskDueIn == null ? Duration.ofHours(24) : controlTaskDueIn;
        departmentHeads = departmentHeads == null ? Map.of() : Map.copyOf(departmentHeads);
    }

    /** @param enabled whether the scanner runs on its schedule (tests call it directly) */
    public record Overdue(boolean enabled, Duration scanInterval) {
    }
}
