package io.dealflow.platform.problem;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.web.PlatformWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformWebTest
class ProblemDetailsAdviceTest {

    @Autowired
    RestTestClient http;

    @Test
    void aRuleViolationBecomesAProblemNamingTheRuleWithItsExtensionMembers() {
        http.post().uri("/api/test/deals/d-1/stage").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemTypes.uri(ProblemTypes.STAGE_SKIP_NOT_ALLOWED).toString())
                .jsonPath("$.title").isEqualTo("Stage skip not allowed")
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.detail").isEqualTo(
                        "Deal d-1 cannot skip from qualification to contract in a STRICT pipeline.")
                .jsonPath("$.instance").isEqualTo("/api/test/deals/d-1/stage")
                .jsonPath("$.fromStage").isEqualTo("qualification")
                .jsonPath("$.toStage").isEqualTo("contract");
    }

    @Test
    void aRefusalRecordIsAnsweredByteForByteAsTheRuleViolationOfTheSameRule() {
        String asRuleViolation = body(http.post().uri("/api/test/deals/d-1/stage").exchange()
                .expectStatus().isEqualTo(422));
        String asRefusal = body(http.post().uri("/api/test/refusals/deals/d-1/stage").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(asRefusal.replace("/api/test/refusals/", "/api/test/")).isEqualTo(asRuleViolation);
    }

    @Test
    void aRefusalWrappedByAFrameworkIsStillAnsweredAsTheRefusal() {
        problem(http.post().uri("/api/test/refusals/wrapped/deals/d-1/stage").exchange()
                .expectStatus().isEqualTo(422), ProblemTypes.STAGE_SKIP_NOT_ALLOWED)
                .jsonPath("$.toStage").isEqualTo("contract");
    }

    @Test
    void anInvalidInputRefusalNamesItsFieldAsInvalidInputDoes() {
        problem(http.post().uri("/api/test/refusals/due").exchange()
                .expectStatus().isBadRequest(), ProblemTypes.INVALID_REQUEST)
                .jsonPath("$.detail").isEqualTo(InvalidInputException.summaryOf(
                        java.util.List.of(new FieldViolation("dueAt", "must be in the future"))))
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("dueAt")
                .jsonPath("$.errors[0].message").isEqualTo("must be in the future");
    }

    @Test
    void aRefusalNoTableNamesIsAServerErrorNotAGuess() {
        problem(http.post().uri("/api/test/refusals/forgotten").exchange()
                .expectStatus().isEqualTo(500), ProblemTypes.INTERNAL_ERROR)
                .jsonPath("$.detail").isEqualTo(ProblemDetailsAdvice.INTERNAL_ERROR_DETAIL);
    }

    private static String body(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void anUnknownDealIsA404OfItsOwnType() {
        http.get().uri("/api/test/deals/d-404").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemTypes.uri(ProblemTypes.DEAL_NOT_FOUND).toString())
                .jsonPath("$.detail").isEqualTo("There is no deal d-404.");
    }

    @Test
    void invalidInputFromTheDomainListsTheOffendingFields() {
        problem(http.post().uri("/api/test/deals/d-1/fields").exchange()
                .expectStatus().isBadRequest(), ProblemTypes.INVALID_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("fields.amount")
                .jsonPath("$.errors[0].message").isEqualTo("must be a positive amount")
                .jsonPath("$.errors[1].field").isEqualTo("fields.installationAddress");
    }

    @Test
    void aBodyThatFailsValidationNamesEachOffendingField() {
        problem(postJson("/api/test/widgets", """
                {"name": " ", "quantity": 0, "color": "RED", "lines": [{"sku": "a", "quantity": 1},
                                                                     {"sku": "b", "quantity": 0}]}""")
                .expectStatus().isBadRequest(), ProblemTypes.INVALID_REQUEST)
                .jsonPath("$.detail").isEqualTo("Invalid value for: name, quantity, lines[1].quantity.")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'name')].message").isEqualTo("must not be blank")
                .jsonPath("$.errors[?(@.field == 'quantity')].message")
                .isEqualTo("must be greater than or equal to 1")
                .jsonPath("$.errors[?(@.field == 'lines[1].quantity')]").exists();
    }

    @Test
    void aValidBodyReachesTheHandler() {
        postJson("/api/test/widgets", """
                {"name": "bolt", "quantity": 3, "color": "GREEN"}""")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.name").isEqualTo("bolt");
    }

    @Test
    void methodValidationOfAParameterNamesTheParameterAsTheClientSentIt() {
        problem(http.get().uri("/api/test/pages?page=-1").exchange()
                .expectStatus().isBadRequest(), ProblemTypes.INVALID_REQUEST)
                .jsonPath("$.detail").isEqualTo("Invalid value for: page.")
                .jsonPath("$.errors[0].field").isEqualTo("page")
                .jsonPath("$.errors[0].message").isEqualTo("must be greater than or equal to 0");
    }

    @Test
    void aMissingParameterIsNamed() {
        problem(http.get().uri("/api/test/widgets").header("X-Tenant", "t").exchange()
                .expectStatus().isBadRequest(), ProblemTypes.INVALID_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("minQuantity")
                .jsonPath("$.errors[0].message").isEqualTo("is required");
    }

    @Test
    void anIllTypedParameterIsNamedWithTheValuesItAccepts() {
        problem(http.get().uri("/api/test/widgets?minQuantity=1&color=PURPLE").header("X-Tenant", "t").exchange()
                .expectStatus().isBadRequest(), ProblemTypes.INVALID_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("color")
                .jsonPath("$.errors[0].message").isEqualTo("must be one of [RED, GREEN]");
    }

    @Test
    void aMissingHeaderIsNamed() {
        problem(http.get().uri("/api/test/widgets?minQuantity=1").exchange()
                .expectStatus().isBadRequest(), ProblemTypes.INVALID_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("X-Tenant");
    }

    @Test
    void bodyThatIsNotJsonIsAMalformedRequest() {
        problem(postJson("/api/test/widgets", "{\"name\": \"bolt\",")
                .expectStatus().isBadRequest(), ProblemTypes.MALFORMED_REQUEST)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith(
                        "The request body is not valid JSON"));
    }

    @Test
    void aMissingBodyIsAMalformedRequest() {
        problem(http.post().uri("/api/test/widgets").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest(), ProblemTypes.MALFORMED_REQUEST)
                .jsonPath("$.detail").isEqualTo("A request body is required.");
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheValuesItAccepts() {
        problem(postJson("/api/test/widgets", """
                {"name": "bolt", "quantity": 1, "color": "PURPLE"}""")
                .expectStatus().isBadRequest(), ProblemTypes.MALFORMED_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("color")
                .jsonPath("$.errors[0].message").isEqualTo("must be one of [RED, GREEN]");
    }

    @Test
    void aValueOfTheWrongTypeDeepInTheBodyIsNamedByItsPath() {
        problem(postJson("/api/test/widgets", """
                {"name": "bolt", "quantity": 1,
                 "lines": [{"sku": "a", "quantity": 1}, {"sku": "b", "quantity": "x"}]}""")
                .expectStatus().isBadRequest(), ProblemTypes.MALFORMED_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("lines[1].quantity")
                .jsonPath("$.errors[0].message").isEqualTo("must be a number");
    }

    @Test
    void anUnknownPathIsA404Problem() {
        problem(http.get().uri("/api/test/nothing-here").exchange()
                .expectStatus().isNotFound(), ProblemTypes.NOT_FOUND);
    }

    @Test
    void anUnsupportedMethodIsA405ProblemThatSaysWhichMethodsAreAllowed() {
        problem(http.delete().uri("/api/test/widgets").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueMatches(HttpHeaders.ALLOW, ".*GET.*"), ProblemTypes.METHOD_NOT_ALLOWED);
    }

    @Test
    void aBodyInAnUnsupportedMediaTypeIsA415Problem() {
        problem(http.post().uri("/api/test/widgets").contentType(MediaType.TEXT_PLAIN).body("bolt").exchange()
                .expectStatus().isEqualTo(415), ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void anUnexpectedFailureIsA500ThatRevealsNothingOfTheServer() {
        BodyContentSpec body = problem(http.get().uri("/api/test/failure").exchange()
                .expectStatus().isEqualTo(500), ProblemTypes.INTERNAL_ERROR);
        String json = new String(body.returnResult().getResponseBody());
        assertThat(json).doesNotContain("db-7", "IllegalStateException", "at io.dealflow", "trace");
    }

    @Test
    void aProblemIsProblemJsonEvenForAClientThatAcceptsOnlyJson() {
        http.get().uri("/api/test/deals/d-404").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private RestTestClient.ResponseSpec postJson(String path, String json) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    private static BodyContentSpec problem(RestTestClient.ResponseSpec response, String slug) {
        return response
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemTypes.uri(slug).toString())
                .jsonPath("$.title").isEqualTo(ProblemTitles.forType(slug))
                .jsonPath("$.instance").exists();
    }
}
