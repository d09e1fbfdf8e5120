package io.dealflow.deal.deal.command;

/**
 * What an {@link OpenDealIfAbsentCommand} came to: the deal was opened now ({@code created}), or it had been opened
 * before by the same request and is answered as it is.
 *
 * @param version the deal's version after the command (its ETag)
 */
public record DealOpening(boolean created, long version) {
}
