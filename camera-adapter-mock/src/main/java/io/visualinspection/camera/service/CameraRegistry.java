package io.visualinspection.camera.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.visualinspection.camera.config.CameraConfig;
import io.visualinspection.service.SettingsCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.NotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The emulated cameras, built once from the configuration (and checked then, so that a wrong setup fails at start
 * with a message instead of at the first photo), selectable by serial number or IP address as on a real line.
 */
@ApplicationScoped
@Startup
public class CameraRegistry {

    /** The id of the camera made from the single-camera properties. */
    public static final String SINGLE_CAMERA_ID = "default";

    private final List<VirtualCamera> cameras;
    private final VirtualCamera defaultCamera;

    CameraRegistry(CameraConfig config) {
        this.cameras = build(config);
        String defaultId = config.defaultCamera().orElse(cameras.getFirst().id());
        this.defaultCamera = cameras.stream().filter(c -> c.id().equals(defaultId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("camera.default-camera '" + defaultId
                        + "' is not one of the configured cameras " + ids(cameras)));
    }

    static List<VirtualCamera> build(CameraConfig config) {
        SettingsCheck problems = new SettingsCheck("camera");
        List<VirtualCamera> built = new ArrayList<>();
        if (config.cameras().isEmpty()) {
            built.add(camera(SINGLE_CAMERA_ID, config.name(), config.serialNumber(), config.ip(), config.mac(),
                    config.imagesDir(), config.imageFile(), config.order(),
                    FaultSettings.fromConfig(config.faults(), config.faults()), seed(config, 0), problems));
        } else {
            int index = 0;
            for (var entry : new TreeMap<>(config.cameras()).entrySet()) {
                String id = entry.getKey();
                CameraConfig.Camera c = entry.getValue();
                index++;
                String mac = c.mac().orElse(String.format("00:00:00:00:00:%02X", index));
                built.add(camera(id, c.name().orElse("Emulated Basler camera " + id), c.serialNumber().orElse(id),
                        c.ip(), mac, c.imagesDir(), c.imageFile(), c.order(),
                        FaultSettings.fromConfig(c.faults(), config.faults()), seed(config, index), problems));
            }
        }
        if (!PhotoEncoder.FORMATS.contains(config.defaults().format().toLowerCase(Locale.ROOT))) {
            problems.problem("camera.defaults.format must be one of " + new TreeSet<>(PhotoEncoder.FORMATS) + ", got '"
                    + config.defaults().format() + "'");
        }
        problems.within("camera.defaults.quality", config.defaults().quality(), 10, 100);
        Set<String> serials = new HashSet<>();
        Set<String> ips = new HashSet<>();
        for (VirtualCamera c : built) {
            if (!serials.add(c.serialNumber())) {
                problems.problem("two cameras have the serial number " + c.serialNumber());
            }
            if (!ips.add(c.ip())) {
                problems.problem("two cameras have the IP address " + c.ip());
            }
        }
        problems.throwIfAny();
        return List.copyOf(built);
    }

    private static VirtualCamera camera(String id, String name, String serial, String ip, String mac,
            Optional<Path> imagesDir, Optional<Path> imageFile, CameraConfig.Order order, FaultSettings faults,
            Random random, SettingsCheck problems) {
        String prefix = SINGLE_CAMERA_ID.equals(id) ? "camera." : "camera.cameras." + id + ".";
        if (imagesDir.isEmpty() && imageFile.isEmpty()) {
            problems.problem(prefix + "images-dir or " + prefix + "image-file must be set");
        }
        imageFile.filter(f -> !FrameSource.isImage(f)).ifPresent(f -> problems.problem(prefix + "image-file must be a "
                + String.join(", ", FrameSource.EXTENSIONS) + " file, got " + f));
        if (!PhotoRequest.isIpv4(ip)) {
            problems.problem(prefix + "ip must be an IPv4 address, got '" + ip + "'");
        }
        faults.problems().forEach(p -> problems.problem(prefix + "faults: " + p));
        FrameSource frames = FrameSource.of(imagesDir.orElse(null), imageFile.orElse(null), order, random);
        return new VirtualCamera(id, name, serial, ip, mac, frames, new CameraFaults(faults, random));
    }

    /** One randomness per camera: seeded from camera.random-seed when set, so that every camera's draws repeat. */
    private static Random seed(CameraConfig config, int index) {
        return config.randomSeed().map(s -> new Random(s + index)).orElseGet(Random::new);
    }

    /** Every camera, in id order. */
    public List<VirtualCamera> all() {
        return cameras;
    }

    public VirtualCamera defaultCamera() {
        return defaultCamera;
    }

    /**
     * The camera a request names by serial number and/or IP address (both must fit when both are given), the
     * default camera when it names none; 404 naming the known cameras otherwise.
     */
    public VirtualCamera select(String serialNumber, String ipAddress) {
        if (serialNumber == null && ipAddress == null) {
            return defaultCamera;
        }
        return cameras.stream()
                .filter(c -> serialNumber == null || c.serialNumber().equals(serialNumber))
                .filter(c -> ipAddress == null || c.ip().equals(ipAddress))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no camera with "
                        + (serialNumber != null ? "serial_number '" + serialNumber + "'" : "")
                        + (serialNumber != null && ipAddress != null ? " and " : "")
                        + (ipAddress != null ? "ip_address '" + ipAddress + "'" : "")
                        + "; known: " + known()));
    }

    /** The camera with this id or serial number, for the admin API. */
    public Optional<VirtualCamera> find(String idOrSerial) {
        return cameras.stream()
                .filter(c -> c.id().equals(idOrSerial) || c.serialNumber().equals(idOrSerial))
                .findFirst();
    }

    /** The known cameras as "serial (ip)", for messages that must say what would have worked. */
    public String known() {
        return String.join(", ", cameras.stream().map(c -> c.serialNumber() + " (" + c.ip() + ")").toList());
    }

    /** Hung requests must not keep worker threads, and with them the shutdown, waiting. */
    void releaseHungOnShutdown(@Observes ShutdownEvent event) {
        cameras.forEach(c -> c.faults().releaseHung());
    }

    private static List<String> ids(List<VirtualCamera> cameras) {
        return cameras.stream().map(VirtualCamera::id).toList();
    }
}
