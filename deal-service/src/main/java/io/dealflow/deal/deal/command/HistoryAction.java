package io.dealflow.deal.deal.command;

/** What one row of an imported history did to the deal; each stands for the live command of the same meaning. */
public enum HistoryAction {
    OPENED, MOVED, WON, LOST, REASSIGNED, FIELDS
}
