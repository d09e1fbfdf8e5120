package io.dealflow.deal.access;

import io.dealflow.platform.web.idempotency.IdempotentRequest;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} a command was sent under, kept in its events' Axon metadata like the client (see
 * {@link ClientMetaData}): if the instance that applied a command died before the key's answer was stored, the retry
 * that takes the key over finds its effect by this mark instead of applying the command again (a second stage change
 * would be refused as "already in stage"). A digest of the caller's own key, not the key: a client's keys are not
 * published with the events.
 */
public final class RequestMetaData {

    public static final String KEY = "requestKey";

    private RequestMetaData() {
    }

    public static MetaData of(Optional<IdempotentRequest> request) {
        return request.map(claimed -> MetaData.with(KEY, digest(claimed.key()))).orElse(MetaData.emptyInstance());
    }

    /** The mark a command sent under this request leaves on its events. */
    public static String markOf(IdempotentRequest request) {
        return digest(request.key());
    }

    /** The mark of the request that caused the event, or null for one sent without a key. */
    public static String markOf(Message<?> message) {
        Object mark = message.getMetaData().get(KEY);
        return mark == null ? null : mark.toString();
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
