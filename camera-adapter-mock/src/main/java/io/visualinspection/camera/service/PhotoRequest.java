package io.visualinspection.camera.service;

import io.visualinspection.model.camera.CameraParameters;
import io.visualinspection.model.camera.ImageParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parameters of one {@code take-photo}, checked as the real adapter and its camera would refuse them: the
 * shared rules of {@link CameraParameters} and {@link ImageParameters}, plus what a Basler camera itself refuses
 * (an unknown pixel format, an exposure beyond its range, a malformed address) and the formats this emulator
 * can encode.
 */
public record PhotoRequest(CameraParameters camera, ImageParameters image) {

    /** The GenICam pixel formats the emulated camera offers; Mono ones deliver grey frames. */
    public static final Set<String> PIXEL_FORMATS = Set.of("Mono8", "Mono10", "Mono12", "Mono16", "RGB8", "BGR8",
            "BayerRG8", "BayerGB8", "BayerGR8", "BayerBG8", "YCbCr422_8");

    /** Ten seconds, the longest exposure of the Basler ace models. */
    public static final int MAX_EXPOSURE_MICROSECONDS = 10_000_000;

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    /** What is wrong with this request, each problem naming its query parameter; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(camera.problems());
        ImageParameters withoutFormat = new ImageParameters(null, image.quality(), image.rotationAngle(),
                image.rotationExpand(), image.roiLeft(), image.roiTop(), image.roiRight(), image.roiBottom());
        problems.addAll(withoutFormat.problems()); // the format is checked against what this emulator encodes
        if (image.format() != null) {
            String format = image.format().toLowerCase(Locale.ROOT);
            if (format.equals("webp") && !PhotoEncoder.webpAvailable()) {
                problems.add("format webp is not available: " + PhotoEncoder.webpUnavailableReason());
            } else if (!PhotoEncoder.FORMATS.contains(format)) {
                problems.add("format must be one of " + new TreeSet<>(PhotoEncoder.FORMATS) + ", got '"
                        + image.format() + "'");
            }
        }
        if (camera.pixelFormat() != null && !PIXEL_FORMATS.contains(camera.pixelFormat())) {
            problems.add("pixel_format must be one of " + new TreeSet<>(PIXEL_FORMATS) + ", got '"
                    + camera.pixelFormat() + "'");
        }
        Integer exposure = camera.exposureTimeMicroseconds();
        if (exposure != null && exposure > MAX_EXPOSURE_MICROSECONDS) {
            problems.add("exposure_time_microseconds must be <= " + MAX_EXPOSURE_MICROSECONDS + ", got " + exposure);
        }
        address(problems, "ip_address", camera.ipAddress());
        address(problems, "subnet_mask", camera.subnetMask());
        address(problems, "destination_ip_address", camera.destinationIpAddress());
        return problems;
    }

    /** Whether the request asks for grey pixels, by pixel format or by conversion. */
    public boolean mono() {
        return "Mono".equals(camera.convertToFormat())
                || (camera.pixelFormat() != null && camera.pixelFormat().startsWith("Mono"));
    }

    public static boolean isIpv4(String text) {
        return text != null && IPV4.matcher(text).matches();
    }

    private static void address(List<String> problems, String name, String value) {
        if (value != null && !isIpv4(value)) {
            problems.add(name + " must be an IPv4 address like 192.168.0.10, got '" + value + "'");
        }
    }
}
