package io.dealflow.platform.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.FieldViolation;
import io.dealflow.platform.problem.InvalidInputException;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.platform.problem.RuleViolationException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Endpoints that fail in each of the ways the problem+json mapping must handle. */
@RestController
@RequestMapping("/api/test")
public class ProblemScenariosController {

    public enum Color { RED, GREEN }

    public record Line(String sku, int quantity) {
    }

    public record Widget(String name, Integer quantity, Color color, List<Line> lines) {
    }

    /**
     * Spring's validation contract, which Bean Validation plugs into as well: a failure surfaces as the same
     * {@code MethodArgumentNotValidException} that {@code @Valid} with Hibernate Validator would raise.
     */
    @InitBinder("widget")
    void validateWidgets(WebDataBinder binder) {
        binder.addValidators(new WidgetValidator());
    }

    @PostMapping("/deals/{dealId}/stage")
    void moveDeal(@PathVariable String dealId) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("fromStage", "qualification");
        properties.put("toStage", "contract");
        throw new RuleViolationException(ProblemTypes.STAGE_SKIP_NOT_ALLOWED,
                "Deal " + dealId + " cannot skip from qualification to contract in a STRICT pipeline.", properties);
    }

    @GetMapping("/deals/{dealId}")
    void findDeal(@PathVariable String dealId) {
        throw new NotFoundException(ProblemTypes.DEAL_NOT_FOUND, "There is no deal " + dealId + ".");
    }

    @PostMapping("/deals/{dealId}/fields")
    void updateFields(@PathVariable String dealId) {
        throw new InvalidInputException(List.of(
                new FieldViolation("fields.amount", "must be a positive amount"),
                new FieldViolation("fields.installationAddress", "must not be blank")));
    }

    @PostMapping("/widgets")
    @ResponseStatus(HttpStatus.CREATED)
    Widget createWidget(@Validated @RequestBody Widget widget) {
        return widget;
    }

    @GetMapping("/widgets")
    List<Widget> searchWidgets(@RequestParam("minQuantity") int minQuantity,
                               @RequestParam(name = "color", required = false) Color color,
                               @RequestHeader("X-Tenant") String tenant) {
        return List.of();
    }

    /** Raises what Spring MVC's built-in method validation raises for {@code @Min(0) @RequestParam int page}. */
    @GetMapping("/pages")
    List<Widget> page(@RequestParam("page") int page) throws NoSuchMethodException {
        var method = ProblemScenariosController.class.getDeclaredMethod("page", int.class);
        ParameterValidationResult violation = new ParameterValidationResult(new MethodParameter(method, 0), page,
                List.of(new DefaultMessageSourceResolvable(new String[] {"Min"}, "must be greater than or equal to 0")),
                null, null, null, (error, type) -> error);
        throw new HandlerMethodValidationException(MethodValidationResult.create(this, method, List.of(violation)));
    }

    @GetMapping("/failure")
    void fail() {
        throw new IllegalStateException("connection to db-7.internal:5432 refused for user admin");
    }

    private static final class WidgetValidator implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return Widget.class.equals(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            Widget widget = (Widget) target;
            if (widget.name() == null || widget.name().isBlank()) {
                errors.rejectValue("name", "NotBlank", "must not be blank");
            }
            if (widget.quantity() == null || widget.quantity() < 1) {
                errors.rejectValue("quantity", "Min", "must be greater than or equal to 1");
            }
            List<Line> lines = widget.lines() == null ? List.of() : widget.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).quantity() < 1) {
                    errors.rejectValue("lines[" + i + "].quantity", "Min", "must be greater than or equal to 1");
                }
            }
        }
    }
}
