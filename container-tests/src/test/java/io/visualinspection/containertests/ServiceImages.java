package io.visualinspection.containertests;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The service images, built once per test run from the packaged services as {@code docker-compose.yaml} builds
 * them (its build context, Dockerfile and image name), with the tag {@link #TAG}: the compose test runs these
 * same images with {@code VI_TAG=test}. The image a new build replaces is removed.
 */
final class ServiceImages {

    static final String TAG = "test";

    private static final Map<String, String> BUILT = new HashMap<>();

    private ServiceImages() {
    }

    /** The image of a compose service, built on first use. */
    static synchronized String of(String service) {
        return BUILT.computeIfAbsent(service, ServiceImages::build);
    }

    private static String build(String service) {
        JsonNode build = ComposeFile.load().service(service).path("build");
        Path context = ContainerEnvironment.root().resolve(build.path("context").asText());
        String dockerfile = build.path("dockerfile").asText("Dockerfile");
        Path app = context.resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + " has no quarkus-run.jar: package the services first ("
                    + "./mvnw verify builds the modules in order)");
        }
        String image = "localhost/" + ComposeFile.interpolate(
                ComposeFile.load().service(service).path("image").asText(), Map.of("VI_TAG", TAG));
        String previous = idOf(image);
        long started = System.nanoTime();
        new ImageFromDockerfile(image, false)
                .withFileFromPath("target/quarkus-app", app)
                .withFileFromPath(dockerfile, context.resolve(dockerfile))
                .withDockerfilePath(dockerfile)
                .withBuildArg("BASE_IMAGE", ContainerEnvironment.BASE_IMAGE)
                .get();
        System.out.printf("built %s from %s in %d s%n", image, context.getFileName(),
                (System.nanoTime() - started) / 1_000_000_000L);
        if (previous != null && !previous.equals(idOf(image))) {
            try {
                DockerClientFactory.instance().client().removeImageCmd(previous).exec();
            } catch (RuntimeException e) {
                // still used by a container of someone else's; it stays
            }
        }
        return image;
    }

    private static String idOf(String image) {
        try {
            return DockerClientFactory.instance().client().inspectImageCmd(image).exec().getId();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
