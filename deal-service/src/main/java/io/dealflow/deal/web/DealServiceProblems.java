package io.dealflow.deal.web;

import io.dealflow.deal.deal.command.DealRefusal;
import io.dealflow.deal.pipeline.command.PipelineRefusal;
import io.dealflow.platform.refusal.RefusalProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.dealflow.deal.deal.command.DealRefusal.*;

/**
 * deal-service's one table from a refusal to its HTTP status: a funnel rule refuses with 422, a deal id taken by
 * another opening conflicts (409), a pipeline that does not exist is not found (404). The REST contract
 * ({@code docs/rest.md}) pins each of these.
 */
@Configuration(proxyBeanMethods = false)
public class DealServiceProblems {

    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;
    private static final int RULE_REFUSED = 422;

    public static final RefusalProblems TABLE = RefusalProblems.builder()
            .map(DealIdTaken.class, CONFLICT)
            .map(PipelineNotFound.class, NOT_FOUND)
            .map(OpenedTwice.class, RULE_REFUSED)
            .map(FirstRowNotOpened.class, RULE_REFUSED)
            .map(RequiredFieldsMissing.class, RULE_REFUSED)
            .map(RequiredFieldsCleared.class, RULE_REFUSED)
            .map(UnknownStage.class, RULE_REFUSED)
            .map(AlreadyInStage.class, RULE_REFUSED)
            .map(SkipNotAllowed.class, RULE_REFUSED)
            .map(SkipReasonRequired.class, RULE_REFUSED)
            .map(BackwardMoveNotAllowed.class, RULE_REFUSED)
            .map(BackwardReasonRequired.class, RULE_REFUSED)
            .map(WonOnlyFromLastStage.class, RULE_REFUSED)
            .map(LossReasonRequired.class, RULE_REFUSED)
            .map(UnknownLossReason.class, RULE_REFUSED)
            .map(LossCommentRequired.class, RULE_REFUSED)
            .map(DealClosed.class, RULE_REFUSED)
            .map(PipelineRefusal.DefinitionInvalid.class, RULE_REFUSED)
            .covering(DealRefusal.class)
            .covering(PipelineRefusal.class)
            .build();

    @Bean
    RefusalProblems dealServiceRefusalProblems() {
        return TABLE;
    }
}
