package io.dealflow.platform.web.client;

import io.dealflow.api.ProblemTypes;
import io.dealflow.api.json.DealflowJson;
import tools.jackson.core.type.TypeReference;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A problem another Dealflow service answered (RFC 9457), or the failure to get an answer at all.
 *
 * @param status     the HTTP status, 0 when there was no answer
 * @param type       the problem type's slug ({@link ProblemTypes}), e.g. {@code required-fields-missing}
 * @param detail     what the other service said happened
 * @param properties the problem's extension members
 */
public record RemoteProblem(int status, String type, String detail, Map<String, Object> properties) {

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");
    /** The slug of an answer that is not a problem document (a proxy's error page, an empty 503). */
    public static final String UNREADABLE = "unreadable-answer";

    public RemoteProblem {
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Reads a problem+json body; anything else is kept as the detail, so nothing the peer said is lost. */
    public static RemoteProblem parse(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, Object> members;
        try {
            members = text.isBlank() ? Map.of() : DealflowJson.mapper().readValue(text, JSON_OBJECT);
        } catch (RuntimeException notJson) {
            return new RemoteProblem(status, UNREADABLE, text, Map.of());
        }
        Map<String, Object> properties = new LinkedHashMap<>(members);
        properties.keySet().removeAll(STANDARD_MEMBERS);
        Object type = members.get("type");
        Object detail = members.get("detail");
        return new RemoteProblem(status, type == null ? UNREADABLE : slugOf(type.toString()),
                detail == null ? text : detail.toString(), properties);
    }

    /** No answer: the peer (or the issuer of our token) could not be reached, or did not answer in time. */
    public static RemoteProblem unreachable(String service, String why) {
        return new RemoteProblem(0, service + "-unreachable", service + " did not answer: " + why, Map.of());
    }

    /** Status, type, detail and the extension members, as a handoff keeps its last failure. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>(properties);
        map.put("status", status);
        map.put("type", type);
        map.put("detail", detail);
        return map;
    }

    private static String slugOf(String type) {
        return type.startsWith(ProblemTypes.BASE) ? type.substring(ProblemTypes.BASE.length()) : type;
    }
}
