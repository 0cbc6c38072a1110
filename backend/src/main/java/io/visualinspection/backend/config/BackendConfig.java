package io.visualinspection.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How the backend inspects: where patterns are, what the camera is asked by default, how results look. */
@ConfigMapping(prefix = "backend")
public interface BackendConfig {

    Patterns patterns();

    Camera camera();

    Inference inference();

    Inspection inspection();

    Archive archive();

    History history();

    interface Patterns {
        /** A pattern YAML file, or a folder of them; each file name (without .yaml) is a pattern key. */
        Path path();

        /** The key used when a request names none; default: the only key, if there is exactly one. */
        Optional<String> defaultKey();

        /** How often the files are checked for changes at most. */
        @WithDefault("1s")
        Duration rescanInterval();
    }

    interface Inference {
        /** The inference service's base URL. */
        @WithDefault("http://127.0.0.1:5052")
        URI url();

        /** Bearer token presented to the inference service when its API authentication is on. */
        Optional<String> token();

        /** How long the service may stay silent while answering, in milliseconds (its queue included). */
        @WithDefault("10000")
        int timeoutMs();

        @WithDefault("2000")
        int connectTimeoutMs();
    }

    interface Camera {
        /** The camera adapter's base URL. */
        @WithDefault("http://127.0.0.1:5050")
        URI url();

        /** Bearer token presented to the camera adapter when its API authentication is on. */
        Optional<String> token();

        @WithDefault("2000")
        int connectTimeoutMs();

        /**
         * Camera and image parameters sent with every photo request unless the request says otherwise,
         * by their query names (serial_number, format, quality, rotation_angle...).
         */
        Map<String, String> defaults();

        /**
         * How long the camera adapter may stay silent while answering, in milliseconds; the camera's own
         * timeout_ms is kept below it, so that the camera's answer comes first.
         */
        @WithDefault("5000")
        int timeoutMs();
    }

    /** Which inspections are saved to disk, with their images and a JSON record of the result. */
    interface Archive {
        /** Folder of the archive; no folder, no archive. */
        Optional<Path> dir();

        /** {@code all}, {@code every-n} (one in {@link #everyN()}) or {@code none}; anything else fails the start. */
        @WithDefault("all")
        Mode mode();

        enum Mode { ALL, EVERY_N, NONE }

        @WithDefault("10")
        int everyN();

        /** Save every failed (NOK) inspection whatever the mode. */
        @WithDefault("true")
        boolean alwaysFailed();

        /** Inspections waiting to be written; when full, the request writes its own (never dropped). */
        @WithDefault("256")
        int queueSize();
    }

    /** The recent inspections kept in memory for {@code GET /inspections}. */
    interface History {
        @WithDefault("500")
        int size();

        /** Of those, how many keep their images in memory (needed when they are not archived). */
        @WithDefault("20")
        int imagesInMemory();
    }

    interface Inspection {
        /** Detections scoring below this take no part in the pattern check (request: min_score). */
        @WithDefault("0.5")
        double minScore();

        /** JPEG quality of the drawn image. */
        @WithDefault("90")
        int drawnJpegQuality();

        /**
         * What becomes of a request parameter that an inspection endpoint (or {@code GET /inspections}) does not
         * take, or a field of {@code POST /check-pattern}'s body: {@code refuse}d with 400 naming it, since a
         * misspelt name would otherwise be left out without a word (a {@code patern_key} checks the photo against
         * the default pattern); or {@code ignore}d, as the ancestor did, for a line controller that sends names of
         * its own.
         */
        @WithDefault("refuse")
        UnknownParameters unknownParameters();

        enum UnknownParameters { REFUSE, IGNORE }
    }
}
