package io.dealflow.soak.ledger;

import java.util.Optional;

/** What the soak asks the services to do, and the deal event an accepted one must have left (none for a task). */
public enum CommandKind {
    OPEN("DealOpened"),
    FIELDS("DealFieldsUpdated"),
    MOVE("DealStageChanged"),
    WON("DealWon"),
    LOST("DealLost"),
    /** completes a follow-up task in task-service, naming the next one: no deal event */
    COMPLETE_TASK(null);

    private final String eventType;

    CommandKind(String eventType) {
        this.eventType = eventType;
    }

    /** The type of the one event in deal-service's history that an accepted command of this kind stands for. */
    public Optional<String> eventType() {
        return Optional.ofNullable(eventType);
    }
}
