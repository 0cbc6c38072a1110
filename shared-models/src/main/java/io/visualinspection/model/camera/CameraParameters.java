package io.visualinspection.model.camera;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which camera to use and how to acquire, as the query parameters of the Basler adapter's
 * {@code GET /basler/take-photo} (SPEC "Camera adapter"). Every field is optional; null means "not said".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraParameters(
        @JsonProperty("serial_number") String serialNumber,
        @JsonProperty("ip_address") String ipAddress,
        @JsonProperty("subnet_mask") String subnetMask,
        @JsonProperty("transmission_type") String transmissionType,
        @JsonProperty("destination_ip_address") String destinationIpAddress,
        @JsonProperty("destination_port") Integer destinationPort,
        @JsonProperty("convert_to_format") String convertToFormat,
        @JsonProperty("pixel_format") String pixelFormat,
        @JsonProperty("timeout_ms") Integer timeoutMs,
        @JsonProperty("exposure_time_microseconds") Integer exposureTimeMicroseconds,
        @JsonProperty("acquisition_mode") String acquisitionMode) {

    public static final CameraParameters NONE = new CameraParameters(null, null, null, null, null, null, null, null,
            null, null, null);

    public static final Set<String> TRANSMISSION_TYPES = Set.of("Unicast", "Multicast", "Broadcast");
    public static final Set<String> CONVERT_FORMATS = Set.of("RGB", "BGR", "Mono", "null");
    public static final Set<String> ACQUISITION_MODES = Set.of("SingleFrame", "Continuous");
    public static final int MIN_TIMEOUT_MS = 200;
    public static final int MIN_EXPOSURE_MICROSECONDS = 500;

    /** These parameters, with each one not said here taken from {@code defaults}. */
    public CameraParameters over(CameraParameters defaults) {
        return new CameraParameters(
                or(serialNumber, defaults.serialNumber), or(ipAddress, defaults.ipAddress),
                or(subnetMask, defaults.subnetMask), or(transmissionType, defaults.transmissionType),
                or(destinationIpAddress, defaults.destinationIpAddress),
                or(destinationPort, defaults.destinationPort), or(convertToFormat, defaults.convertToFormat),
                or(pixelFormat, defaults.pixelFormat), or(timeoutMs, defaults.timeoutMs),
                or(exposureTimeMicroseconds, defaults.exposureTimeMicroseconds),
                or(acquisitionMode, defaults.acquisitionMode));
    }

    public CameraParameters withTimeoutMs(Integer newTimeoutMs) {
        return new CameraParameters(serialNumber, ipAddress, subnetMask, transmissionType, destinationIpAddress,
                destinationPort, convertToFormat, pixelFormat, newTimeoutMs, exposureTimeMicroseconds,
                acquisitionMode);
    }

    /** What is wrong with these parameters, as the real adapter would refuse them; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        oneOf(problems, "transmission_type", transmissionType, TRANSMISSION_TYPES);
        oneOf(problems, "convert_to_format", convertToFormat, CONVERT_FORMATS);
        oneOf(problems, "acquisition_mode", acquisitionMode, ACQUISITION_MODES);
        if (timeoutMs != null && timeoutMs < MIN_TIMEOUT_MS) {
            problems.add("timeout_ms must be >= " + MIN_TIMEOUT_MS + ", got " + timeoutMs);
        }
        if (exposureTimeMicroseconds != null && exposureTimeMicroseconds < MIN_EXPOSURE_MICROSECONDS) {
            problems.add("exposure_time_microseconds must be >= " + MIN_EXPOSURE_MICROSECONDS + ", got "
                    + exposureTimeMicroseconds);
        }
        if (destinationPort != null && (destinationPort < 0 || destinationPort > 65535)) {
            problems.add("destination_port must be in 0..65535, got " + destinationPort);
        }
        return problems;
    }

    /** The parameters that are set, by their query-parameter names. */
    @JsonIgnore
    public Map<String, String> toQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        put(q, "serial_number", serialNumber);
        put(q, "ip_address", ipAddress);
        put(q, "subnet_mask", subnetMask);
        put(q, "transmission_type", transmissionType);
        put(q, "destination_ip_address", destinationIpAddress);
        put(q, "destination_port", destinationPort);
        put(q, "convert_to_format", convertToFormat);
        put(q, "pixel_format", pixelFormat);
        put(q, "timeout_ms", timeoutMs);
        put(q, "exposure_time_microseconds", exposureTimeMicroseconds);
        put(q, "acquisition_mode", acquisitionMode);
        return q;
    }

    static void oneOf(List<String> problems, String name, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            problems.add(name + " must be one of " + new TreeSet<>(allowed) + ", got '" + value + "'");
        }
    }

    static void put(Map<String, String> q, String name, Object value) {
        if (value != null) {
            q.put(name, String.valueOf(value));
        }
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
