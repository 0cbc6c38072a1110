package io.visualinspection.model.camera;

import static io.visualinspection.model.camera.CameraParameters.oneOf;
import static io.visualinspection.model.camera.CameraParameters.or;
import static io.visualinspection.model.camera.CameraParameters.put;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the camera adapter should shape the image it returns (SPEC "Camera adapter"): encoding, quality,
 * rotation and region of interest. ROI values {@code <= 1} are fractions of the image, larger ones
 * pixels. Every field is optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageParameters(
        @JsonProperty("format") String format,
        @JsonProperty("quality") Integer quality,
        @JsonProperty("rotation_angle") Double rotationAngle,
        @JsonProperty("rotation_expand") Boolean rotationExpand,
        @JsonProperty("roi_left") Double roiLeft,
        @JsonProperty("roi_top") Double roiTop,
        @JsonProperty("roi_right") Double roiRight,
        @JsonProperty("roi_bottom") Double roiBottom) {

    public static final ImageParameters NONE = new ImageParameters(null, null, null, null, null, null, null, null);

    public static final Set<String> FORMATS = Set.of("jpeg", "png", "bmp", "webp");
    public static final int MIN_QUALITY = 10;
    public static final int MAX_QUALITY = 100;

    /** These parameters, with each one not said here taken from {@code defaults}. */
    public ImageParameters over(ImageParameters defaults) {
        return new ImageParameters(or(format, defaults.format), or(quality, defaults.quality),
                or(rotationAngle, defaults.rotationAngle), or(rotationExpand, defaults.rotationExpand),
                or(roiLeft, defaults.roiLeft), or(roiTop, defaults.roiTop), or(roiRight, defaults.roiRight),
                or(roiBottom, defaults.roiBottom));
    }

    /** What is wrong with these parameters; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        oneOf(problems, "format", format == null ? null : format.toLowerCase(Locale.ROOT), FORMATS);
        if (quality != null && (quality < MIN_QUALITY || quality > MAX_QUALITY)) {
            problems.add("quality must be in " + MIN_QUALITY + ".." + MAX_QUALITY + ", got " + quality);
        }
        if (rotationAngle != null && !Double.isFinite(rotationAngle)) {
            problems.add("rotation_angle must be a finite number of degrees");
        }
        roi(problems, "roi_left", roiLeft);
        roi(problems, "roi_top", roiTop);
        roi(problems, "roi_right", roiRight);
        roi(problems, "roi_bottom", roiBottom);
        return problems;
    }

    private static void roi(List<String> problems, String name, Double value) {
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            problems.add(name + " must be >= 0 (<= 1: fraction of the image, larger: pixels), got " + value);
        }
    }

    @JsonIgnore
    public Map<String, String> toQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        put(q, "format", format);
        put(q, "quality", quality);
        put(q, "rotation_angle", rotationAngle);
        put(q, "rotation_expand", rotationExpand);
        put(q, "roi_left", roiLeft);
        put(q, "roi_top", roiTop);
        put(q, "roi_right", roiRight);
        put(q, "roi_bottom", roiBottom);
        return q;
    }
}
