package io.dealflow.platform.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.refusal.InvalidInput;
import io.dealflow.platform.refusal.Refusal;
import io.dealflow.platform.refusal.RefusalProblems;
import io.dealflow.platform.refusal.RefusalProperties;
import io.dealflow.platform.refusal.RefusedException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** A domain's refusals, one the table maps and one it forgets, and the table of the test application. */
@Configuration(proxyBeanMethods = false)
public class RefusalScenarios {

    public sealed interface TestRefusal extends Refusal {
    }

    /** The refusal that {@code ProblemScenariosController.moveDeal} throws as a {@code RuleViolationException}. */
    public record SkipRefused(String dealId, String fromStage, String toStage) implements TestRefusal {
        @Override
        public String type() {
            return ProblemTypes.STAGE_SKIP_NOT_ALLOWED;
        }

        @Override
        public String detail() {
            return "Deal " + dealId + " cannot skip from " + fromStage + " to " + toStage + " in a STRICT pipeline.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("fromStage", fromStage, "toStage", toStage);
        }
    }

    public record DueInThePast(String field) implements TestRefusal, InvalidInput {
        @Override
        public String message() {
            return "must be in the future";
        }
    }

    public record Forgotten() implements Refusal {
        @Override
        public String type() {
            return ProblemTypes.DEAL_CLOSED;
        }

        @Override
        public String detail() {
            return "No table names this refusal.";
        }
    }

    @Bean
    RefusalProblems testRefusalProblems() {
        return RefusalProblems.builder()
                .map(SkipRefused.class, 422)
                .map(DueInThePast.class, 400)
                .covering(TestRefusal.class)
                .build();
    }

    @RestController
    @RequestMapping("/api/test/refusals")
    static class RefusingController {

        @PostMapping("/deals/{dealId}/stage")
        void moveDeal(@PathVariable String dealId) {
            throw new RefusedException(new SkipRefused(dealId, "qualification", "contract"));
        }

        @PostMapping("/wrapped/deals/{dealId}/stage")
        void moveDealThroughAFramework(@PathVariable String dealId) {
            throw new IllegalStateException("a framework's wrapper",
                    new RefusedException(new SkipRefused(dealId, "qualification", "contract")));
        }

        @PostMapping("/due")
        void reschedule() {
            throw new RefusedException(new DueInThePast("dueAt"));
        }

        @PostMapping("/forgotten")
        void forgotten() {
            throw new RefusedException(new Forgotten());
        }
    }
}
