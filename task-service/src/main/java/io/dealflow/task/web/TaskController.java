package io.dealflow.task.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.InvalidInputException;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.platform.paging.Page;
import io.dealflow.platform.security.Actor;
import io.dealflow.platform.security.Caller;
import io.dealflow.task.access.TaskDepartments;
import io.dealflow.task.task.ManualTasks;
import io.dealflow.task.task.NextTask;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskCommands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** Tasks and task reports over REST; who may call what is {@code TaskServiceAccess}'s, the actor the token's. */
@RestController
@RequestMapping("/api/v1")
class TaskController {

    private static final Set<String> STATUSES = Set.of("OPEN", "DONE", "CANCELLED", "OVERDUE");
    private static final int MAX_PAGE_SIZE = 200;

    private final TaskCommands commands;
    private final ManualTasks manualTasks;
    private final TaskQueries queries;
    private final TaskDepartments departments;

    TaskController(TaskCommands commands, ManualTasks manualTasks, TaskQueries queries, TaskDepartments departments) {
        this.commands = commands;
        this.manualTasks = manualTasks;
        this.queries = queries;
        this.departments = departments;
    }

    /** Only tasks of the caller's departments' deals. */
    @GetMapping("/tasks")
    Page<TaskView> tasks(Caller caller,
                   @RequestParam(required = false) String assigneeId,
                   @RequestParam(required = false) String dealId,
                   @RequestParam(required = false) String status,
                   @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidInputException.of("status", "must be one of " + STATUSES);
        }
        return queries.page(departments.pipelinesOf(caller).orElse(null), assigneeId, dealId, status, page, size);
    }

    @GetMapping("/tasks/{taskId}")
    TaskView task(@PathVariable String taskId) {
        return queries.find(taskId).map(TaskView::of).orElseThrow(() -> new NotFoundException(
                ProblemTypes.TASK_NOT_FOUND, "There is no task " + taskId + "."));
    }

    /** A manual task on an open deal. */
    @PostMapping("/tasks")
    ResponseEntity<TaskView> open(@Valid @RequestBody TaskRequests.OpenTask request, Caller caller, Actor actor) {
        departments.requireDeal(caller, request.dealId());
        Task task = manualTasks.open(request.dealId(), request.title(), request.dueAt(), request.assigneeId(),
                actor);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.taskId())).body(TaskView.of(task));
    }

    /** Completes a task; the last open task of an open deal needs {@code nextTask} (R4). Answers the next task, if any. */
    @PostMapping("/tasks/{taskId}/complete")
    CompletionView complete(@PathVariable String taskId,
                            @Valid @RequestBody(required = false) TaskRequests.Complete request, Actor actor) {
        TaskRequests.NextTaskRequest next = request == null ? null : request.nextTask();
        Task opened = commands.complete(taskId, next == null ? null
                : new NextTask(next.title(), next.dueAt(), next.assigneeId()), actor);
        return new CompletionView(TaskView.of(queries.find(taskId).orElseThrow()),
                opened == null ? null : TaskView.of(opened));
    }

    @PostMapping("/tasks/{taskId}/reschedule")
    TaskView reschedule(@PathVariable String taskId, @Valid @RequestBody TaskRequests.Reschedule request,
                        Actor actor) {
        return TaskView.of(commands.reschedule(taskId, request.dueAt(), request.reason(), actor));
    }

    @GetMapping("/reports/deals-without-tasks")
    List<TaskQueries.DealWithoutTask> dealsWithoutTasks(Caller caller) {
        return queries.dealsWithoutTasks(departments.pipelinesOf(caller).orElse(null));
    }

    @GetMapping("/reports/overdue")
    List<TaskQueries.OverdueGroup> overdue(Caller caller, @RequestParam(defaultValue = "assignee") String groupBy) {
        Set<String> visible = departments.pipelinesOf(caller).orElse(null);
        return switch (groupBy) {
            case "assignee" -> queries.overdue("assignee_id", visible);
            case "pipeline" -> queries.overdue("pipeline_id", visible);
            default -> throw InvalidInputException.of("groupBy", "must be 'assignee' or 'pipeline'");
        };
    }

    @GetMapping("/reports/reschedules")
    List<TaskQueries.RescheduleCount> reschedules(Caller caller) {
        return queries.reschedulesByAssignee(departments.pipelinesOf(caller).orElse(null));
    }

    record CompletionView(TaskView completed, TaskView next) {
    }
}
