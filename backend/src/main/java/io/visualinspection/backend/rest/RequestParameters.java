package io.visualinspection.backend.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.backend.config.BackendConfig.Inspection.UnknownParameters;
import io.visualinspection.backend.service.InspectionOptions;
import io.visualinspection.model.camera.ParameterSource;
import io.visualinspection.model.camera.QueryParameters;
import io.visualinspection.model.manifest.ModelManifest;
import io.visualinspection.model.manifest.ModelParameter;
import jakarta.ws.rs.BadRequestException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
                    returnOptions != null ? returnOptions : InspectionOptions.ALL,
                    model(QueryParameters.text(param, "model")), modelParameters(param));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * Refuses with 400 the parameters the endpoint was given and did not read, unless the line is set to ignore
     * them ({@code backend.inspection.unknown-parameters}). Called after everything the endpoint takes is read.
     *
     * @param endpoint e.g. "GET /main/with-camera"
     */
    static void refuseUnread(ParameterSource params, String endpoint, BackendConfig config) {
        String problem = params.unreadProblem(endpoint);
        if (problem != null && config.inspection().unknownParameters() == UnknownParameters.REFUSE) {
            throw new BadRequestException(problem + " (backend.inspection.unknown-parameters=ignore leaves such "
                    + "names out)");
        }
    }

    /**
     * For names bound by JAX-RS or Jackson ({@code taken}) rather than read one by one: any other of the
     * {@code given} names as {@link #refuseUnread}.
     */
    static void refuseOthers(Collection<String> given, List<String> taken, String endpoint, BackendConfig config) {
        ParameterSource params = new ParameterSource(given, name -> null);
        taken.forEach(params::apply);
        refuseUnread(params, endpoint, config);
    }

    /** The JSON field names of a request body's record, as its components' {@code @JsonProperty} name them. */
    static List<String> bodyFields(Class<? extends Record> body) {
        return Arrays.stream(body.getRecordComponents())
                .map(c -> c.getAccessor().getAnnotation(JsonProperty.class)).filter(Objects::nonNull)
                .map(JsonProperty::value).sorted().toList();
    }

    /** Model names reach a URL path of the inference service: letters, digits and . _ - only. */
    private static String model(String name) {
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("model must be a model name (letters, digits, . _ -), got '"
                    + (name.length() > 60 ? name.substring(0, 60) + "..." : name) + "'");
        }
        return name;
    }

    /**
     * The detection parameters every model has, checked against their ranges here, so that a bad value is
     * the caller's 400 and never looks like an upstream's fault.
     */
    private static Map<String, String> modelParameters(Function<String, String> param) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ModelParameter p : ModelManifest.standardParameters(0.25, 0.45, 300)) {
            String value = QueryParameters.text(param, p.name());
            if (value != null) {
                double v = p.parse(value);
                out.put(p.name(), p.type().equals(ModelParameter.INT) ? String.valueOf((long) v) : String.valueOf(v));
            }
        }
        return out;
    }
}
