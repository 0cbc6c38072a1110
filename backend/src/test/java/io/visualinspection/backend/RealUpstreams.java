package io.visualinspection.backend;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the real camera emulator and inference service (packaged jars, loopback) for the backend's tests.
 * The camera serves one frame, the sample cat photo, so that camera-triggered inspections are repeatable.
 */
public class RealUpstreams implements QuarkusTestResourceLifecycleManager {

    static ServiceProcess camera;
    static ServiceProcess inference;

    @Override
    public Map<String, String> start() {
        Path frames;
        try {
            frames = Files.createTempDirectory("camera-frames");
            Files.copy(SampleData.image("chelsea.png"), frames.resolve("chelsea.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<ServiceProcess> cam = CompletableFuture.supplyAsync(() -> ServiceProcess.start(
                "camera-adapter-mock", Map.of("camera.images-dir", frames.toString()))
                .awaitReady(Duration.ofSeconds(60)));
        CompletableFuture<ServiceProcess> inf = CompletableFuture.supplyAsync(() -> ServiceProcess.start(
                "inference", Map.of("inference.models-dir", SampleData.models().toString()))
                .awaitReady(Duration.ofSeconds(90)));
        camera = cam.join();
        inference = inf.join();
        return Map.of(
                "backend.camera.url", camera.url(),
                "backend.inference.url", inference.url());
    }

    @Override
    public void stop() {
        if (camera != null) {
            camera.close();
        }
        if (inference != null) {
            inference.close();
        }
    }
}
