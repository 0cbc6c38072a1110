package io.visualinspection.inference.rest;

import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Detection requests whose body is the image itself: the model parameters come as query parameters. */
final class RawImage {

    private RawImage() {
    }

    static Map<String, String> parameters(UriInfo uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : uri.getQueryParameters().entrySet()) {
            if (!e.getValue().isEmpty()) {
                parameters.put(e.getKey(), e.getValue().get(0));
            }
        }
        return parameters;
    }
}
