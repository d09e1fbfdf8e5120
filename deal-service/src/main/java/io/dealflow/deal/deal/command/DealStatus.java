package io.dealflow.deal.deal.command;

/** R3: a deal leaves the funnel only as WON or LOST. */
public enum DealStatus {
    OPEN,
    WON,
    LOST
}
