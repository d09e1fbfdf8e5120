package io.dealflow.platform.problem;

import io.dealflow.api.ProblemTypes;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemExceptionTest {

    @Test
    void aRuleViolationIsA422TitledAfterItsType() {
        RuleViolationException refusal =
                new RuleViolationException(ProblemTypes.LOSS_COMMENT_REQUIRED, "Say why the deal was lost.");

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.type()).isEqualTo("loss-comment-required");
        assertThat(refusal.title()).isEqualTo("Loss comment required");
        assertThat(refusal.detail()).isEqualTo("Say why the deal was lost.").isEqualTo(refusal.getMessage());
    }

    @Test
    void extensionMembersKeepTheirOrderAndCannotBeChanged() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("missingFields", List.of("amount", "equipment"));
        properties.put("stageId", "contract");
        properties.put("dealId", "d-1");

        RuleViolationException refusal = new RuleViolationException(ProblemTypes.REQUIRED_FIELDS_MISSING,
                "Fill amount and equipment before entering contract.", properties);
        properties.put("later", "ignored");

        assertThat(refusal.properties()).containsOnlyKeys("missingFields", "stageId", "dealId");
        assertThat(refusal.properties().keySet()).containsExactly("missingFields", "stageId", "dealId");
        assertThatThrownBy(() -> refusal.properties().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStandardMemberCannotBeSmuggledInAsAnExtension() {
        assertThatThrownBy(() -> new ConflictException(ProblemTypes.VERSION_CONFLICT, "stale",
                Map.of("status", 200))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachSubclassAnswersWithItsStatus() {
        assertThat(new NotFoundException(ProblemTypes.DEAL_NOT_FOUND, "no deal").status()).isEqualTo(404);
        assertThat(new ConflictException(ProblemTypes.VERSION_CONFLICT, "stale").status()).isEqualTo(409);
        assertThat(new PreconditionFailedException("If-Match is stale").status()).isEqualTo(412);
        assertThat(new PreconditionFailedException("If-Match is stale").type())
                .isEqualTo(ProblemTypes.PRECONDITION_FAILED);
    }

    @Test
    void invalidInputNamesTheOffendingFieldsInItsDetail() {
        InvalidInputException invalid = new InvalidInputException(List.of(
                new FieldViolation("title", "must not be blank"),
                new FieldViolation("managerId", "must not be blank")));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.type()).isEqualTo(ProblemTypes.INVALID_REQUEST);
        assertThat(invalid.detail()).isEqualTo("Invalid value for: title, managerId.");
        assertThat(invalid.errors()).extracting(FieldViolation::field).containsExactly("title", "managerId");
    }
}
