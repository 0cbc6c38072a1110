package io.visualinspection.model.camera;

import java.util.Locale;
import java.util.function.Function;

/**
 * Reads camera and image parameters from HTTP query parameters, by their SPEC names. A value of the wrong
 * type is refused with a message naming the parameter (JAX-RS would answer 404 for it).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** @param query the first value of a query parameter by name, or null */
    public static CameraParameters camera(Function<String, String> query) {
        return new CameraParameters(
                text(query, "serial_number"), text(query, "ip_address"), text(query, "subnet_mask"),
                text(query, "transmission_type"), text(query, "destination_ip_address"),
                integer(query, "destination_port"), text(query, "convert_to_format"), text(query, "pixel_format"),
                integer(query, "timeout_ms"), integer(query, "exposure_time_microseconds"),
                text(query, "acquisition_mode"));
    }

    public static ImageParameters image(Function<String, String> query) {
        return new ImageParameters(
                text(query, "format"), integer(query, "quality"), number(query, "rotation_angle"),
                bool(query, "rotation_expand"), number(query, "roi_left"), number(query, "roi_top"),
                number(query, "roi_right"), number(query, "roi_bottom"));
    }

    public static String text(Function<String, String> query, String name) {
        String v = query.apply(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public static Integer integer(Function<String, String> query, String name) {
        String v = text(query, name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

    public static Double number(Function<String, String> query, String name) {
        String v = text(query, name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + v + "'");
        }
    }

    public static Boolean bool(Function<String, String> query, String name) {
        String v = text(query, name);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
        };
    }
}
