package io.dealflow.task.web;

import java.util.List;

/** The Page representation of DESIGN §4. */
public record TaskPage(List<TaskView> items, int page, int size, long total) {
}
