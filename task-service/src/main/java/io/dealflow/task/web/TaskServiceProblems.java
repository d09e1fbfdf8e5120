package io.dealflow.task.web;

import io.dealflow.platform.refusal.RefusalProblems;
import io.dealflow.task.task.TaskRefusal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.dealflow.task.task.TaskRefusal.*;

/**
 * task-service's one table from a refusal to its HTTP status: a rule refuses with 422, an input value with 400, an
 * unknown task is not found (404), as {@code docs/rest.md} says.
 */
@Configuration(proxyBeanMethods = false)
public class TaskServiceProblems {

    private static final int INVALID_INPUT = 400;
    private static final int NOT_FOUND = 404;
    private static final int RULE_REFUSED = 422;

    public static final RefusalProblems TABLE = RefusalProblems.builder()
            .map(DealLeftWithoutTask.class, RULE_REFUSED)
            .map(TaskClosed.class, RULE_REFUSED)
            .map(DealClosed.class, RULE_REFUSED)
            .map(TaskNotFound.class, NOT_FOUND)
            .map(DueTimeMissing.class, INVALID_INPUT)
            .map(DueTimeNotInFuture.class, INVALID_INPUT)
            .map(RescheduleReasonMissing.class, INVALID_INPUT)
            .map(NextTaskTitleMissing.class, INVALID_INPUT)
            .covering(TaskRefusal.class)
            .build();

    @Bean
    RefusalProblems taskServiceRefusalProblems() {
        return TABLE;
    }
}
