package io.visualinspection.backend.rest;

import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.backend.service.InspectionOptions;
import io.visualinspection.model.camera.QueryParameters;
import jakarta.ws.rs.BadRequestException;
import java.util.function.Function;

/** Reads the inspection options of a request (query or form fields), refusing bad values with 400. */
final class RequestParameters {

    private RequestParameters() {
    }

    static InspectionOptions options(Function<String, String> param, BackendConfig config) {
        try {
            Double minScore = QueryParameters.number(param, "min_score");
            Integer returnOptions = QueryParameters.integer(param, "return_options");
            return new InspectionOptions(QueryParameters.text(param, "pattern_key"),
                    minScore != null ? minScore : config.inspection().minScore(),
                    QueryParameters.bool(param, "strict"),
                    returnOptions != null ? returnOptions : InspectionOptions.ALL);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** The first non-null of several sources (e.g. form field, then query parameter). */
    @SafeVarargs
    static Function<String, String> firstOf(Function<String, String>... sources) {
        return name -> {
            for (Function<String, String> s : sources) {
                String v = s.apply(name);
                if (v != null) {
                    return v;
                }
            }
            return null;
        };
    }
}
