package io.visualinspection.inference.rest;

import io.visualinspection.service.RequestParameterValues;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * The model parameters of a detection request: query parameters and the text fields of a multipart form, so that
 * {@code POST /inference?score_threshold=0.5} means the same in either form; a name given twice with different
 * values is refused.
 */
final class DetectionParameters {

    private DetectionParameters() {
    }

    static Map<String, String> of(UriInfo uri) {
        return RequestParameterValues.of(uri.getQueryParameters());
    }

    static Map<String, String> of(UriInfo uri, Map<String, String> formFields) {
        return RequestParameterValues.of(uri.getQueryParameters(), formFields);
    }
}
