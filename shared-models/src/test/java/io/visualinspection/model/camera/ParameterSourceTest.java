package io.visualinspection.model.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSourceTest {

    private static final List<String> SPEC_NAMES = List.of("serial_number", "ip_address", "subnet_mask",
            "transmission_type", "destination_ip_address", "destination_port", "convert_to_format", "pixel_format",
            "timeout_ms", "exposure_time_microseconds", "acquisition_mode", "format", "quality", "rotation_angle",
            "rotation_expand", "roi_left", "roi_top", "roi_right", "roi_bottom");

    private static ParameterSource source(Map<String, String> query) {
        return new ParameterSource(query.keySet(), query::get);
    }

    @Test
    void everyCameraAndImageNameOfTheSpecIsRead() {
        Map<String, String> query = new LinkedHashMap<>();
        SPEC_NAMES.forEach(name -> query.put(name, null));
        ParameterSource params = source(query);
        QueryParameters.camera(params);
        QueryParameters.image(params);
        assertThat(params.unread()).isEmpty();
        assertThat(params.unreadProblem("GET /basler/take-photo")).isNull();
        assertThat(params.read()).containsExactlyInAnyOrderElementsOf(SPEC_NAMES);
    }

    @Test
    void aNameNothingReadIsNamedWithTheKnownOnes() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("quality", "80");
        query.put("qualty", "80");
        query.put("", "x"); // ?&quality=80 has an empty name, which is no parameter
        ParameterSource params = source(query);
        assertThat(QueryParameters.integer(params, "quality")).isEqualTo(80);
        QueryParameters.text(params, "format");
        assertThat(params.unread()).containsExactly("qualty");
        assertThat(params.unreadProblem("GET /x"))
                .isEqualTo("unknown parameter 'qualty' for GET /x; known: [format, quality]");
    }

    @Test
    void severalUnknownNamesAreNamedInTheOrderGiven() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("b", "1");
        query.put("a", "1");
        query.put("format", "png");
        ParameterSource params = source(query);
        QueryParameters.image(params);
        assertThat(params.unread()).containsExactly("b", "a");
        assertThat(params.unreadProblem("the camera defaults")).startsWith(
                "unknown parameters 'b', 'a' for the camera defaults; known: [format, quality, roi_bottom,");
    }
}
