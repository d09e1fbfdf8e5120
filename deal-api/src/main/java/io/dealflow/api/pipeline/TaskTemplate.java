package io.dealflow.api.pipeline;

import java.time.Duration;

/** R4: the follow-up task opened for the deal's manager whenever a deal enters the stage. */
public record TaskTemplate(String title, Duration dueIn) {
}
