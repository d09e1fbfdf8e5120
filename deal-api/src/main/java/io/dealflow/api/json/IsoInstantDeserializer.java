package io.dealflow.api.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

import java.time.Instant;

/**
 * Jackson's reading of an {@link Instant} with {@link IsoInstants}' fast path for the common form; every other
 * token or text goes to Jackson's own {@link InstantDeserializer}, with its leniency and its error messages.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant common = IsoInstants.parseCommonForm(parser.getString());
            if (common != null) {
                return common;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
