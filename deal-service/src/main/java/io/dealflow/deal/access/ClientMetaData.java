package io.dealflow.deal.access;

import io.dealflow.platform.security.Actor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;

/**
 * The OAuth client whose request caused an event, kept in the event's Axon metadata: the command carries it, Axon
 * copies it onto every event the command applies, the publisher puts it into the Kafka JSON and the history shows
 * it. The aggregate never sees it: who sent a command decides nothing in the funnel.
 */
public final class ClientMetaData {

    public static final String KEY = "clientId";

    private ClientMetaData() {
    }

    public static MetaData of(Actor actor) {
        return actor.clientId() == null ? MetaData.emptyInstance() : MetaData.with(KEY, actor.clientId());
    }

    /** The client, or null for an automatic action or an event stored before clients were recorded. */
    public static String clientIdOf(Message<?> message) {
        Object clientId = message.getMetaData().get(KEY);
        return clientId == null ? null : clientId.toString();
    }
}
