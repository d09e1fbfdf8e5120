/**
 * Ids as values inside a service, so a deal's id cannot be passed where a stage's is expected. On the wire (events,
 * REST, Kafka keys) an id stays the plain string {@link DealId#value()} returns: these types are never serialized.
 */
package io.dealflow.api.id;
