package io.visualinspection.backend.mapping;

import io.visualinspection.backend.service.Inspection;
import io.visualinspection.backend.service.InspectionOptions;
import io.visualinspection.model.Base64Bytes;
import io.visualinspection.model.InspectionResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SPEC response of an inspection, filtered by the {@code return_options} bitmask. Identification,
 * model and timings are always there; {@code decision} is present (possibly null, with {@code reason})
 * whenever bit 1 is set. The images go in as {@link Base64Bytes}: encoded as base64 straight into the response,
 * without a base64 string of each first (a string of about 100 kB that Jackson would then write out character by
 * character).
 */
public final class InspectionResponseMapper {

    private InspectionResponseMapper() {
    }

    public static Map<String, Object> toResponse(Inspection inspection, InspectionOptions options) {
        InspectionResult r = inspection.result();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inspection_id", r.inspectionId());
        out.put("timestamp", r.timestamp().toString());
        if (options.wants(InspectionOptions.DECISION)) {
            out.put("decision", r.decision());
            if (r.reason() != null) {
                out.put("reason", r.reason());
            }
        }
        if (options.wants(InspectionOptions.PATTERN)) {
            out.put("pattern_key", r.patternKey());
            out.put("pattern_name", r.patternName());
            out.put("pattern_lg", r.patternLg());
        }
        if (options.wants(InspectionOptions.IMAGE) || options.wants(InspectionOptions.IMAGE_DRAWN)) {
            Map<String, Object> images = new LinkedHashMap<>();
            if (options.wants(InspectionOptions.IMAGE)) {
                images.put("img", base64(inspection.image()));
            }
            if (options.wants(InspectionOptions.IMAGE_DRAWN)) {
                images.put("img_drawn", base64(inspection.drawnJpeg()));
            }
            out.put("images", images);
        }
        if (options.wants(InspectionOptions.BOXES | InspectionOptions.CLASS_IDS | InspectionOptions.SCORES)) {
            Map<String, Object> results = new LinkedHashMap<>();
            if (options.wants(InspectionOptions.BOXES)) {
                results.put("bboxes", r.results().bboxes());
            }
            if (options.wants(InspectionOptions.CLASS_IDS)) {
                results.put("class_ids", r.results().classIds());
                results.put("class_names", r.results().classNames());
            }
            if (options.wants(InspectionOptions.SCORES)) {
                results.put("scores", r.results().scores());
            }
            out.put("results", results);
        }
        out.put("model", r.model());
        out.put("model_version", r.modelVersion());
        out.put("image_width", r.imageWidth());
        out.put("image_height", r.imageHeight());
        out.put("min_score", r.minScore());
        out.put("timings_ms", r.timingsMs());
        return out;
    }

    private static Base64Bytes base64(byte[] bytes) {
        return bytes == null ? null : new Base64Bytes(bytes);
    }
}
