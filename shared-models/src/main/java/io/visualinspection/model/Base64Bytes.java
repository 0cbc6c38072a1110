package io.visualinspection.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.util.Base64;

/**
 * Bytes written into JSON as a standard base64 string (with padding), the same text Jackson writes for a
 * {@code byte[]}. Encoded with the JDK's encoder, which the JIT compiles to vector instructions, and copied into
 * the response as it is: about a tenth of the time Jackson's own encoder takes for the images of an inspection
 * (JMH {@code ResponseBenchmarks}, docs/benchmarks.md). A generator that writes characters rather than UTF-8
 * bytes gets Jackson's encoding.
 */
public record Base64Bytes(byte[] bytes) implements JsonSerializable {

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        if (gen instanceof UTF8JsonGenerator) {
            byte[] text = Base64.getEncoder().encode(bytes);
            gen.writeRawUTF8String(text, 0, text.length); // base64 needs no escaping
        } else {
            gen.writeBinary(bytes);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }
}
