package io.dealflow.task.web;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.InvalidInputException;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.task.task.NextTask;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskCommands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/v1")
class TaskController {

    private static final Set<String> STATUSES = Set.of("OPEN", "DONE", "CANCELLED", "OVERDUE");
    private static final int MAX_PAGE_SIZE = 200;

    private final TaskCommands commands;
    private final TaskQueries queries;

    TaskController(TaskCommands commands, TaskQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/tasks")
    TaskPage tasks(@RequestParam(required = false) String assigneeId,
                   @RequestParam(required = false) String dealId,
                   @RequestParam(required = false) String status,
                   @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidInputException.of("status", "must be one of " + STATUSES);
        }
        return queries.page(assigneeId, dealId, status, page, size);
    }

    @GetMapping("/tasks/{taskId}")
    TaskView task(@PathVariable String taskId) {
        return queries.find(taskId).map(TaskView::of).orElseThrow(() -> new NotFoundException(
                ProblemTypes.TASK_NOT_FOUND, "There is no task " + taskId + "."));
    }

    /** A manual task on an open deal. */
    @PostMapping("/tasks")
    ResponseEntity<TaskView> open(@Valid @RequestBody TaskRequests.OpenTask request,
                                  @RequestHeader(name = DealflowHeaders.ACTOR, required = false)
                                  @Size(max = TaskRequests.ID) String actor) {
        Task task = commands.openManual(request.dealId(), request.title(), request.dueAt(), request.assigneeId(),
                actorOrAnonymous(actor));
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.taskId())).body(TaskView.of(task));
    }

    /** Completes a task; the last open task of an open deal needs {@code nextTask} (R4). Answers the next task, if any. */
    @PostMapping("/tasks/{taskId}/complete")
    CompletionView complete(@PathVariable String taskId,
                            @Valid @RequestBody(required = false) TaskRequests.Complete request,
                            @RequestHeader(name = DealflowHeaders.ACTOR, required = false)
                            @Size(max = TaskRequests.ID) String actor) {
        TaskRequests.NextTaskRequest next = request == null ? null : request.nextTask();
        Task opened = commands.complete(taskId, next == null ? null
                : new NextTask(next.title(), next.dueAt(), next.assigneeId()), actorOrAnonymous(actor));
        return new CompletionView(TaskView.of(queries.find(taskId).orElseThrow()),
                opened == null ? null : TaskView.of(opened));
    }

    @PostMapping("/tasks/{taskId}/reschedule")
    TaskView reschedule(@PathVariable String taskId, @Valid @RequestBody TaskRequests.Reschedule request,
                        @RequestHeader(name = DealflowHeaders.ACTOR, required = false)
                        @Size(max = TaskRequests.ID) String actor) {
        return TaskView.of(commands.reschedule(taskId, request.dueAt(), request.reason(), actorOrAnonymous(actor)));
    }

    @GetMapping("/reports/deals-without-tasks")
    List<TaskQueries.DealWithoutTask> dealsWithoutTasks() {
        return queries.dealsWithoutTasks();
    }

    @GetMapping("/reports/overdue")
    List<TaskQueries.OverdueGroup> overdue(@RequestParam(defaultValue = "assignee") String groupBy) {
        return switch (groupBy) {
            case "assignee" -> queries.overdue("assignee_id");
            case "pipeline" -> queries.overdue("pipeline_id");
            default -> throw InvalidInputException.of("groupBy", "must be 'assignee' or 'pipeline'");
        };
    }

    @GetMapping("/reports/reschedules")
    List<TaskQueries.RescheduleCount> reschedules() {
        return queries.reschedulesByAssignee();
    }

    private static String actorOrAnonymous(String actor) {
        return actor == null || actor.isBlank() ? DealflowHeaders.ANONYMOUS_ACTOR : actor;
    }

    record CompletionView(TaskView completed, TaskView next) {
    }
}
