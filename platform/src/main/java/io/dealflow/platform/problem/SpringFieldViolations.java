package io.dealflow.platform.problem;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MissingMatrixVariableException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Names the offending fields, parameters and headers of the input failures Spring MVC detects, using the names the
 * client sent (JSON property paths, {@code @RequestParam}/{@code @RequestHeader} names) rather than Java names.
 */
final class SpringFieldViolations {

    private static final String REQUIRED = "is required";

    private SpringFieldViolations() {
    }

    static List<FieldViolation> of(Exception failure) {
        if (failure instanceof BindingResult result) {
            return fromErrors(result, "");
        }
        if (failure instanceof MethodValidationResult result) {
            return fromMethodValidation(result);
        }
        if (failure instanceof MethodArgumentTypeMismatchException mismatch) {
            return List.of(new FieldViolation(mismatch.getName(), expected(mismatch.getRequiredType())));
        }
        if (failure instanceof TypeMismatchException mismatch) {
            return List.of(new FieldViolation(mismatch.getPropertyName(), expected(mismatch.getRequiredType())));
        }
        String missing = missingName(failure);
        return missing == null ? List.of() : List.of(new FieldViolation(missing, REQUIRED));
    }

    private static String missingName(Exception failure) {
        if (failure instanceof MissingServletRequestParameterException missing) {
            return missing.getParameterName();
        }
        if (failure instanceof MissingRequestHeaderException missing) {
            return missing.getHeaderName();
        }
        if (failure instanceof MissingPathVariableException missing) {
            return missing.getVariableName();
        }
        if (failure instanceof MissingRequestCookieException missing) {
            return missing.getCookieName();
        }
        if (failure instanceof MissingMatrixVariableException missing) {
            return missing.getVariableName();
        }
        if (failure instanceof MissingServletRequestPartException missing) {
            return missing.getRequestPartName();
        }
        return null;
    }

    private static List<FieldViolation> fromErrors(Errors errors, String prefix) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ObjectError error : errors.getAllErrors()) {
            String field = error instanceof FieldError fieldError
                    ? prefix + fieldError.getField()
                    : nullIfEmpty(prefix);
            violations.add(new FieldViolation(field, messageOf(error)));
        }
        return violations;
    }

    private static List<FieldViolation> fromMethodValidation(MethodValidationResult result) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ParameterValidationResult parameter : result.getParameterValidationResults()) {
            if (parameter instanceof ParameterErrors errors) {
                // A validated object: its own field paths are what the client recognises, not the Java parameter name.
                String container = containerSuffix(parameter);
                violations.addAll(fromErrors(errors, container.isEmpty() ? "" : container + "."));
            } else {
                String name = parameterName(parameter.getMethodParameter()) + containerSuffix(parameter);
                for (MessageSourceResolvable error : parameter.getResolvableErrors()) {
                    violations.add(new FieldViolation(name, messageOf(error)));
                }
            }
        }
        for (MessageSourceResolvable error : result.getCrossParameterValidationResults()) {
            violations.add(new FieldViolation(null, messageOf(error)));
        }
        return violations;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
        if (cookie != null && !cookie.name().isEmpty()) {
            return cookie.name();
        }
        String javaName = parameter.getParameterName();
        return javaName != null ? javaName : "arg" + parameter.getParameterIndex();
    }

    private static String containerSuffix(ParameterValidationResult parameter) {
        if (parameter.getContainerIndex() != null) {
            return "[" + parameter.getContainerIndex() + "]";
        }
        if (parameter.getContainerKey() != null) {
            return "[" + parameter.getContainerKey() + "]";
        }
        return "";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        return "must be a valid " + type.getSimpleName();
    }

    private static String messageOf(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return message != null ? message : "is invalid";
    }

    /** An object-level error names its container element if it has one ({@code [2]}), else no field at all. */
    private static String nullIfEmpty(String prefix) {
        return prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
    }
}
