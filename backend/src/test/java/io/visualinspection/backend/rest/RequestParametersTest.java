package io.visualinspection.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.backend.config.BackendConfig.Inspection.UnknownParameters;
import io.visualinspection.backend.service.InspectionOptions;
import io.visualinspection.backend.testing.ConfigProxy;
import io.visualinspection.model.camera.ParameterSource;
import jakarta.ws.rs.BadRequestException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An inspection's parameters, and what becomes of a name the endpoint does not take, by the line's setting. */
class RequestParametersTest {

    private static BackendConfig config(UnknownParameters unknown) {
        return ConfigProxy.of(BackendConfig.class, Map.of("inspection", ConfigProxy.of(BackendConfig.Inspection.class,
                Map.of("minScore", 0.5, "unknownParameters", unknown))));
    }

    private static final Map<String, String> MISSPELT = Map.of("patern_key", "board-b", "min_score", "0.7");

    private static ParameterSource source(Map<String, String> query) {
        return new ParameterSource(query.keySet(), query::get);
    }

    @Test
    void byDefaultANameNotTakenIsRefused() {
        BackendConfig config = config(UnknownParameters.REFUSE);
        ParameterSource params = source(MISSPELT);
        InspectionOptions options = RequestParameters.options(params, config);
        assertThat(options.minScore()).isEqualTo(0.7);
        assertThatThrownBy(() -> RequestParameters.refuseUnread(params, "POST /main", config))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("unknown parameter 'patern_key' for POST /main; known: [iou_threshold, max_detections, "
                        + "min_score, model, pattern_key, return_options, score_threshold, strict] "
                        + "(backend.inspection.unknown-parameters=ignore leaves such names out)");
    }

    @Test
    void aLineSetToIgnoreThemInspectsWithTheNamesItTakes() {
        BackendConfig config = config(UnknownParameters.IGNORE);
        ParameterSource params = source(MISSPELT);
        InspectionOptions options = RequestParameters.options(params, config);
        assertThatCode(() -> RequestParameters.refuseUnread(params, "POST /main", config))
                .doesNotThrowAnyException();
        assertThat(options.patternKey()).isNull();
        assertThat(options.minScore()).isEqualTo(0.7);
    }
}
