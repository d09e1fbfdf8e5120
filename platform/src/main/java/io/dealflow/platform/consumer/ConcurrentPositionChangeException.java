package io.dealflow.platform.consumer;

/**
 * Another transaction recorded a position of the same consumer and aggregate while a batch was being decided (a
 * partition that moved between consumers during a rebalance). Nothing of the batch is recorded; its redelivery
 * decides again on the positions as they are then.
 */
public class ConcurrentPositionChangeException extends RuntimeException {

    public ConcurrentPositionChangeException(String consumerName, int positions) {
        super(consumerName + ": " + positions + " position(s) of this batch were recorded concurrently by another"
                + " transaction; the batch is rolled back for redelivery");
    }
}
