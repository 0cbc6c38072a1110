package io.visualinspection.camera.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.visualinspection.camera.config.CameraConfig;
import io.visualinspection.model.camera.CameraParameters;
import io.visualinspection.model.camera.ImageParameters;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Takes a photo the way the Basler adapter does: select the camera, expose, shape the image, encode. */
@ApplicationScoped
public class PhotoService {

    /** Encoded image bytes with their media type. */
    public record Photo(byte[] bytes, String mediaType) {
    }

    private final CameraConfig config;
    private final FrameSource frames;
    private final MeterRegistry registry;

    PhotoService(CameraConfig config, FrameSource frames, MeterRegistry registry) {
        this.config = config;
        this.frames = frames;
        this.registry = registry;
    }

    public Photo takePhoto(CameraParameters camera, ImageParameters image) {
        List<String> problems = new ArrayList<>(camera.problems());
        problems.addAll(image.problems());
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        requireThisCamera(camera);
        expose(camera.exposureTimeMicroseconds() != null ? camera.exposureTimeMicroseconds()
                : config.defaults().exposureTimeMicroseconds().orElse(0));
        FrameSource.Frame frame = frames.next();
        String format = image.format() != null ? image.format().toLowerCase(Locale.ROOT) : config.defaults().format();
        int quality = image.quality() != null ? image.quality() : config.defaults().quality();
        Photo photo;
        if (!ImageTransforms.changesPixels(image, camera.convertToFormat()) && frame.format().equals(format)
                && image.quality() == null) {
            photo = new Photo(frame.bytes(), ImageCodec.mediaType(format)); // as stored: no re-encoding loss
        } else {
            BufferedImage decoded;
            try {
                decoded = ImageCodec.decode(frame.bytes());
            } catch (ImageDecodeException e) {
                throw new IllegalStateException("frame " + frame.file() + " is not a usable image: " + e.getMessage(), e);
            }
            BufferedImage shaped;
            try {
                shaped = ImageTransforms.apply(decoded, image, camera.convertToFormat());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
            photo = new Photo(ImageCodec.encode(shaped, format, quality), ImageCodec.mediaType(format));
        }
        registry.counter("camera_photos_taken", "camera", config.serialNumber()).increment();
        return photo;
    }

    public Map<String, String> info() {
        return Map.of("Name", config.name(), "IP", config.ip(), "MAC", config.mac(),
                "SerialNumber", config.serialNumber());
    }

    private void requireThisCamera(CameraParameters camera) {
        if (camera.serialNumber() != null && !camera.serialNumber().equals(config.serialNumber())) {
            throw new NotFoundException("no camera with serial_number '" + camera.serialNumber() + "'; known: "
                    + config.serialNumber());
        }
        if (camera.ipAddress() != null && !camera.ipAddress().equals(config.ip())) {
            throw new NotFoundException("no camera at ip_address '" + camera.ipAddress() + "'; known: " + config.ip());
        }
    }

    private static void expose(int microseconds) {
        if (microseconds <= 0) {
            return;
        }
        try {
            Thread.sleep(microseconds / 1000, (microseconds % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
