package io.dealflow.task.deal;

import io.dealflow.api.ProblemTypes;
import io.dealflow.dealclient.DealServiceClient;
import io.dealflow.dealclient.RemoteDeal;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.platform.problem.ProblemException;
import io.dealflow.platform.problem.RetryLaterException;
import io.dealflow.platform.web.client.CallOutcome;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * A deal task-service has not seen is either one deal-service does not know (a wrong id: 404) or one opened a
 * moment ago whose events have not arrived yet (409 {@code deal-not-yet-known} with {@code Retry-After}), so a
 * client that opens a deal and at once adds a task can tell the race from a mistake and retry. deal-service is
 * asked, outside any transaction of task-service.
 */
@Component
public class UnseenDeals {

    /** Deal events usually arrive within a second; the client asks again after this. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    static final Duration RETRY_AFTER_OUTAGE = Duration.ofSeconds(5);

    private final DealServiceClient dealService;

    UnseenDeals(DealServiceClient dealService) {
        this.dealService = dealService;
    }

    public ProblemException explain(DealNotTrackedException unseen) {
        String dealId = unseen.dealId();
        CallOutcome<RemoteDeal> found = dealService.find(dealId);
        if (found instanceof CallOutcome.Accepted<RemoteDeal>) {
            return new RetryLaterException(409, ProblemTypes.DEAL_NOT_YET_KNOWN, "Deal " + dealId + " exists, but "
                    + "task-service has not received it from deal-service's events yet; retry in a moment.",
                    RETRY_AFTER, Map.of("dealId", dealId));
        }
        if (found.retryable()) {
            return new RetryLaterException(503, ProblemTypes.SERVICE_UNAVAILABLE, "task-service has not seen deal "
                    + dealId + " and cannot ask deal-service whether it exists now; retry later.",
                    RETRY_AFTER_OUTAGE, Map.of("dealId", dealId));
        }
        return new NotFoundException(ProblemTypes.DEAL_NOT_FOUND, "There is no deal " + dealId + ".");
    }
}
