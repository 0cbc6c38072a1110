package io.visualinspection.systemtests;

import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system as the run script starts it: the four services from their packaged jars on free
 * loopback ports, with the sample model, images (served in name order: astronaut, chelsea, coffee) and
 * pattern. Started once per test JVM, stopped when it exits.
 */
final class RunningSystem {

    private static RunningSystem instance;

    final ServiceProcess camera;
    final ServiceProcess inference;
    final ServiceProcess backend;
    final ServiceProcess frontend;

    private RunningSystem() {
        CompletableFuture<ServiceProcess> cam = CompletableFuture.supplyAsync(() -> ServiceProcess.start(
                "camera-adapter-mock", Map.of("camera.images-dir", SampleData.images().toString()))
                .awaitReady(Duration.ofSeconds(60)));
        CompletableFuture<ServiceProcess> inf = CompletableFuture.supplyAsync(() -> ServiceProcess.start(
                "inference", Map.of("inference.models-dir", SampleData.models().toString()))
                .awaitReady(Duration.ofSeconds(90)));
        camera = cam.join();
        inference = inf.join();
        backend = ServiceProcess.start("backend", Map.of(
                "backend.patterns.path", SampleData.patterns().toString(),
                "backend.camera.url", camera.url(),
                "backend.inference.url", inference.url()))
                .awaitReady(Duration.ofSeconds(60));
        frontend = ServiceProcess.start("frontend", Map.of(
                "quarkus.rest-client.backend.url", backend.url(),
                "quarkus.rest-client.camera.url", camera.url(),
                "quarkus.rest-client.inference.url", inference.url(),
                "ui.history.refresh-interval", "1s"))
                .awaitReady(Duration.ofSeconds(60));
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private void stop() {
        for (ServiceProcess p : new ServiceProcess[] {frontend, backend, inference, camera}) {
            if (p != null) {
                p.close();
            }
        }
    }
}
