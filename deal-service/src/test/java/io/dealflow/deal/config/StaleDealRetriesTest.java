package io.dealflow.deal.config;

import io.dealflow.api.id.PipelineId;
import io.dealflow.api.id.StageId;
import io.dealflow.deal.deal.command.DealRefusal.SkipNotAllowed;
import io.dealflow.platform.refusal.RefusedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StaleDealRetriesTest {

    private final List<RuntimeException> handedOn = new ArrayList<>();
    private final RetryScheduler conflicts = (command, failure, failures, dispatch) -> handedOn.add(failure);
    private final StaleDealRetries retries = new StaleDealRetries(conflicts);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("move");

    @Test
    void aRefusalIsDecidedOnceMoreThenStands() {
        RuntimeException refusal = new RefusedException(
                new SkipNotAllowed(PipelineId.of("sales"), StageId.of("proposal"),
                        List.of(StageId.of("needs-identified"))));

        assertThat(retries.scheduleRetry(command, refusal, failures(1), () -> { })).isTrue();
        assertThat(retries.scheduleRetry(command, refusal, failures(2), () -> { })).isFalse();
        assertThat(handedOn).containsExactly(refusal);
    }

    @Test
    void everyConflictGoesToTheConflictRetriesWhereverItSitsInTheCauses() {
        RuntimeException conflict = new CommandExecutionException("failed", new ConcurrencyException("seq 4 exists"));

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(retries.scheduleRetry(command, conflict, failures(attempt), () -> { })).isTrue();
        }
        assertThat(handedOn).hasSize(3);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[]{RuntimeException.class});
        }
        return failures;
    }
}
