package io.visualinspection.frontend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What the operator UI shows about the line it serves, what it inspects with by default, and where it links to. */
@ConfigMapping(prefix = "ui")
public interface UiConfig {

    /** Shown in the header and the browser tab. */
    @WithDefault("Visual inspection")
    String title();

    /** The line or station this UI belongs to, shown beside the title. */
    @WithDefault("Line 1")
    String line();

    /** A footer text (e.g. plant, contact); none by default. */
    Optional<String> footer();

    /**
     * The bearer token sent to the backend when it requires one ({@code backend.auth.*}); sent as the
     * {@code Authorization} header of every backend call, never logged.
     */
    Optional<String> backendToken();

    /** The inspection settings a new browser session starts with. */
    Inspection inspection();

    History history();

    Status status();

    Links links();

    /**
     * Defaults of the settings drawer. Each one not set is left to the backend (its camera defaults, its
     * default pattern and minimum score).
     */
    interface Inspection {
        /** The camera by serial number ({@code serial_number}). */
        Optional<String> serialNumber();

        /** The camera by IP address ({@code ip_address}). */
        Optional<String> ipAddress();

        Optional<Integer> timeoutMs();

        Optional<Integer> exposureTimeMicroseconds();

        /** jpeg, png, bmp or webp. */
        Optional<String> format();

        /** 10..100. */
        Optional<Integer> quality();

        /** Degrees counter-clockwise. */
        Optional<Double> rotationAngle();

        Optional<Boolean> rotationExpand();

        /** Region of interest: values up to 1 are fractions of the image, larger ones pixels. */
        Optional<Double> roiLeft();

        Optional<Double> roiTop();

        Optional<Double> roiRight();

        Optional<Double> roiBottom();

        /** A key of {@code GET /patterns}. */
        Optional<String> patternKey();

        /** 0..1. */
        Optional<Double> minScore();

        /** Extra detections of a named class fail a variant; unset: the pattern's own setting. */
        Optional<Boolean> strict();
    }

    /** The history view. */
    interface History {
        /** How often the history view asks the backend for new inspections. */
        @WithDefault("3s")
        Duration refreshInterval();
    }

    /** The status view and the status dot in the header. */
    interface Status {
        @WithDefault("10s")
        Duration refreshInterval();
    }

    /**
     * Links as the operator's browser reaches them (the service URLs the UI itself uses may be names inside a
     * container network). The API links default to the URL the UI uses plus {@code /q/swagger-ui}.
     */
    interface Links {
        @WithDefault("http://127.0.0.1:9090")
        String prometheus();

        @WithDefault("http://127.0.0.1:3000")
        String grafana();

        Optional<String> backendApi();

        Optional<String> inferenceApi();

        Optional<String> cameraApi();
    }
}
