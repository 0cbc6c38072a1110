package io.visualinspection.model.manifest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * A parameter a caller may adjust per request, with its type, default, range and step, so that a UI can
 * build a control for it and a service can refuse values out of range.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelParameter(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("default") double defaultValue,
        @JsonProperty("min") double min,
        @JsonProperty("max") double max,
        @JsonProperty("step") Double step,
        @JsonProperty("description") String description) {

    public static final String FLOAT = "float";
    public static final String INT = "int";

    public ModelParameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        type = type == null ? FLOAT : type.toLowerCase(Locale.ROOT);
        if (!type.equals(FLOAT) && !type.equals(INT)) {
            throw new IllegalArgumentException("parameter " + name + ": type must be float or int, got " + type);
        }
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue + " is outside "
                    + min + ".." + max);
        }
    }

    /** The value parsed from text and checked against type and range; the message names the parameter. */
    public double parse(String text) {
        double v;
        try {
            v = type.equals(INT) ? Long.parseLong(text.strip()) : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + (type.equals(INT) ? "a whole number" : "a number")
                    + " in " + range() + ", got '" + text + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " must be in " + range() + ", got " + text.strip());
        }
        return v;
    }

    public String range() {
        return type.equals(INT) ? (long) min + ".." + (long) max : fmt(min) + ".." + fmt(max);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
