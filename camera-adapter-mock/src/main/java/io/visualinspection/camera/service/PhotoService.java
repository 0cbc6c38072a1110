package io.visualinspection.camera.service;

import io.visualinspection.camera.config.CameraConfig;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a photo the way the Basler adapter does: select the camera, expose, shape the image, encode; with the
 * camera's faults on the way, in the order a real camera shows them: a missing device answers at once, a hung
 * grab never, a slow one late (or with a timeout, when slower than {@code timeout_ms}), a failed grab after the
 * wait, a corrupt frame with a 200.
 */
@ApplicationScoped
public class PhotoService {

    /** Encoded image bytes with their media type. */
    public record Photo(byte[] bytes, String mediaType) {
    }

    private final CameraConfig config;
    private final CameraRegistry cameras;
    private final CameraMetrics metrics;

    PhotoService(CameraConfig config, CameraRegistry cameras, CameraMetrics metrics) {
        this.config = config;
        this.cameras = cameras;
        this.metrics = metrics;
    }

    public Photo takePhoto(PhotoRequest request) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        VirtualCamera camera = cameras.select(request.camera().serialNumber(), request.camera().ipAddress());
        long start = System.nanoTime();
        try {
            Shot shot = shoot(camera, request);
            if (shot.corrupt()) {
                metrics.photoFailed(camera, FailureKind.CORRUPT_IMAGE, System.nanoTime() - start);
            } else {
                metrics.photoTaken(camera, System.nanoTime() - start);
            }
            return shot.photo();
        } catch (CameraFaultException e) {
            metrics.photoFailed(camera, e.kind(), System.nanoTime() - start);
            throw e;
        }
    }

    /** A delivered photo, and whether the corrupt-image fault spoiled its bytes (a 200 all the same). */
    private record Shot(Photo photo, boolean corrupt) {
    }

    /** What {@code get-camera-info} answers for the selected camera; a disconnected one cannot be asked. */
    public Map<String, String> info(String serialNumber, String ipAddress) {
        VirtualCamera camera = cameras.select(serialNumber, ipAddress);
        if (camera.faults().settings().disconnected()) {
            throw disconnected(camera);
        }
        return camera.adapterInfo();
    }

    /** Releases the selected camera: nothing to release in the emulator, but an unknown camera is still a 404. */
    public boolean close(String serialNumber, String ipAddress) {
        cameras.select(serialNumber, ipAddress);
        return true;
    }

    private Shot shoot(VirtualCamera camera, PhotoRequest request) {
        FaultSettings faults = camera.faults().settings();
        String name = "camera " + camera.serialNumber();
        if (faults.disconnected()) {
            throw disconnected(camera);
        }
        long hangStart = System.nanoTime();
        if (camera.faults().hangIfSet(config.hangLimit())) {
            throw new CameraFaultException(FailureKind.HANG, name + " hung (fault 'hang') and was released after "
                    + (System.nanoTime() - hangStart) / 1_000_000 + " ms");
        }
        int exposure = request.camera().exposureTimeMicroseconds() != null
                ? request.camera().exposureTimeMicroseconds()
                : config.defaults().exposureTimeMicroseconds().orElse(0);
        long latencyMs = camera.faults().drawDelayMs(faults);
        long delayMicros = exposure + latencyMs * 1000;
        Integer timeoutMs = request.camera().timeoutMs();
        if (timeoutMs != null && delayMicros > timeoutMs * 1000L) {
            sleepMicros(timeoutMs * 1000L);
            throw new CameraFaultException(FailureKind.TIMEOUT, name + " delivered no frame within timeout_ms "
                    + timeoutMs + " (exposure " + exposure + " us, fault latency " + latencyMs + " ms)");
        }
        sleepMicros(delayMicros);
        if (camera.faults().drawFailure(faults)) {
            throw new CameraFaultException(FailureKind.FAILURE, name + " failed to grab a frame (fault 'failure', "
                    + "failure_rate " + faults.failureRate() + ")");
        }
        FrameSource.Frame frame;
        try {
            frame = camera.frames().next();
        } catch (FrameSource.NoFramesException e) {
            throw new CameraFaultException(FailureKind.NO_FRAMES, name + " has no frames: " + e.getMessage());
        }
        String format = (request.image().format() != null ? request.image().format() : config.defaults().format())
                .toLowerCase(Locale.ROOT);
        Photo photo = encode(frame, request, format);
        if (faults.corruptImage()) {
            return new Shot(new Photo(camera.faults().corrupt(photo.bytes(), format), photo.mediaType()), true);
        }
        return new Shot(photo, false);
    }

    private Photo encode(FrameSource.Frame frame, PhotoRequest request, String format) {
        if (!ImageTransforms.changesPixels(request) && frame.format().equals(format)
                && request.image().quality() == null) {
            return new Photo(frame.bytes(), ImageCodec.mediaType(format)); // as stored: no re-encoding loss
        }
        BufferedImage decoded = decodedFrames.get(frame);
        BufferedImage shaped;
        try {
            shaped = ImageTransforms.apply(decoded, request);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        int quality = request.image().quality() != null ? request.image().quality() : config.defaults().quality();
        return new Photo(PhotoEncoder.encode(shaped, format, quality), ImageCodec.mediaType(format));
    }

    /**
     * The last frames decoded, so that a folder cycled through is decoded once, not per photo (a real camera
     * has raw pixels; only the encoding is its work). Keyed by file and content; decoded images are never
     * changed in place.
     */
    private final DecodedFrames decodedFrames = new DecodedFrames(16);

    static final class DecodedFrames {
        private record Key(Path file, int length, int hash) {
        }

        private final Map<Key, BufferedImage> cache;

        DecodedFrames(int capacity) {
            cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, BufferedImage> eldest) {
                    return size() > capacity;
                }
            });
        }

        BufferedImage get(FrameSource.Frame frame) {
            Key key = new Key(frame.file(), frame.bytes().length, Arrays.hashCode(frame.bytes()));
            BufferedImage image = cache.get(key);
            if (image == null) {
                try {
                    image = ImageCodec.decode(frame.bytes());
                } catch (ImageDecodeException e) {
                    throw new IllegalStateException("frame " + frame.file() + " is not a usable image: "
                            + e.getMessage(), e);
                }
                cache.put(key, image);
            }
            return image;
        }
    }

    private static CameraFaultException disconnected(VirtualCamera camera) {
        return new CameraFaultException(FailureKind.DISCONNECTED, "camera " + camera.serialNumber()
                + " disconnected: no device with serial number " + camera.serialNumber() + " at " + camera.ip()
                + " (fault 'disconnected')");
    }

    private static void sleepMicros(long micros) {
        if (micros <= 0) {
            return;
        }
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
