package io.visualinspection.inference.rest;

import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model parameters of a detection request: query parameters (the first of each name), overridden by the text
 * fields of a multipart form, so that {@code POST /inference?score_threshold=0.5} means the same in either form.
 */
final class DetectionParameters {

    private DetectionParameters() {
    }

    static Map<String, String> of(UriInfo uri) {
        return of(uri, Map.of());
    }

    static Map<String, String> of(UriInfo uri, Map<String, String> formFields) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : uri.getQueryParameters().entrySet()) {
            if (!e.getValue().isEmpty()) {
                parameters.put(e.getKey(), e.getValue().get(0));
            }
        }
        parameters.putAll(formFields);
        return parameters;
    }
}
