package io.dealflow.deal.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Decides a failed command again only as often as a stale cached deal can be the cause. A concurrency conflict (the
 * append met events another instance wrote) goes to {@code conflicts}, which retries it a few times. Any other
 * failure, a refused rule above all, is decided once more and then stands: the failed unit of work has evicted the
 * deal, so the second decision is made on the deal as stored, and only a refusal that the stored deal confirms
 * reaches the client. Without that second decision, a deal cached at "new inquiry" while another instance moved it
 * on would refuse the next move as a skip.
 */
final class StaleDealRetries implements RetryScheduler {

    private final RetryScheduler conflicts;

    StaleDealRetries(RetryScheduler conflicts) {
        this.conflicts = conflicts;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!isConflict(lastFailure) && failures.size() > 1) {
            return false;
        }
        return conflicts.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
