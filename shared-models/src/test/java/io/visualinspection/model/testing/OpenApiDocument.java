package io.visualinspection.model.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A service's OpenAPI document ({@code /q/openapi} as JSON), read for the examples it shows. */
public final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;

    private OpenApiDocument(JsonNode document) {
        this.document = document;
    }

    public static OpenApiDocument of(byte[] json) throws IOException {
        return new OpenApiDocument(JSON.readTree(json));
    }

    /** An example of a response, as JSON; fails when the document has no such example. */
    public JsonNode responseExample(String path, String method, String status, String name) throws IOException {
        return value(document.path("paths").path(path).path(method).path("responses").path(status), name,
                "example '" + name + "' of the " + status + " answer to " + method.toUpperCase(Locale.ROOT) + " " + path);
    }

    /** An example of a request body, as JSON; fails when the document has no such example. */
    public JsonNode requestExample(String path, String method, String name) throws IOException {
        return value(document.path("paths").path(path).path(method).path("requestBody"), name,
                "example '" + name + "' of the request body of " + method.toUpperCase(Locale.ROOT) + " " + path);
    }

    private static JsonNode value(JsonNode holder, String name, String what) throws IOException {
        JsonNode value = holder.path("content").path("application/json").path("examples").path(name).path("value");
        if (value.isMissingNode()) {
            throw new AssertionError("the OpenAPI document has no " + what);
        }
        // SmallRye OpenAPI puts an example that parses as JSON in as JSON, anything else as a string.
        return value.isTextual() ? JSON.readTree(value.asText()) : value;
    }

    /** The field names of a JSON object, in order. */
    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** JSON bytes as a tree. */
    public static JsonNode json(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }
}
