package io.visualinspection.model.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraParametersTest {

    @Test
    void theRequestWinsOverTheDefaults() {
        CameraParameters defaults = new CameraParameters("S1", null, null, null, null, null, "RGB", null, 1000, 5000, null);
        CameraParameters request = new CameraParameters(null, null, null, null, null, null, "Mono", null, null, null, null);
        CameraParameters merged = request.over(defaults);
        assertThat(merged.serialNumber()).isEqualTo("S1");
        assertThat(merged.convertToFormat()).isEqualTo("Mono");
        assertThat(merged.toQuery()).containsExactly(
                Map.entry("serial_number", "S1"), Map.entry("convert_to_format", "Mono"),
                Map.entry("timeout_ms", "1000"), Map.entry("exposure_time_microseconds", "5000"));
        ImageParameters img = new ImageParameters("png", null, null, null, 0.1, null, null, null)
                .over(new ImageParameters("jpeg", 90, 90.0, true, null, null, null, null));
        assertThat(img.format()).isEqualTo("png");
        assertThat(img.quality()).isEqualTo(90);
        assertThat(img.roiLeft()).isEqualTo(0.1);
    }

    @Test
    void outOfRangeValuesAreNamed() {
        CameraParameters bad = new CameraParameters(null, null, null, "Anycast", null, 70000, "CMYK", null, 100, 499,
                "Burst");
        assertThat(bad.problems()).containsExactly(
                "transmission_type must be one of [Broadcast, Multicast, Unicast], got 'Anycast'",
                "convert_to_format must be one of [BGR, Mono, RGB, null], got 'CMYK'",
                "acquisition_mode must be one of [Continuous, SingleFrame], got 'Burst'",
                "timeout_ms must be >= 200, got 100",
                "exposure_time_microseconds must be >= 500, got 499",
                "destination_port must be in 0..65535, got 70000");
        assertThat(new ImageParameters("gif", 9, null, null, -1.0, null, null, null).problems()).containsExactly(
                "format must be one of [bmp, jpeg, png, webp], got 'gif'",
                "quality must be in 10..100, got 9",
                "roi_left must be >= 0 (<= 1: fraction of the image, larger: pixels), got -1.0");
        assertThat(CameraParameters.NONE.problems()).isEmpty();
        assertThat(new ImageParameters("JPEG", 10, 45.0, false, 0.0, 0.0, 1.0, 1.0).problems()).isEmpty();
    }
}
