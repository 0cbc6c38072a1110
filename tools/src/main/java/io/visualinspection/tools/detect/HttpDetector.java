package io.visualinspection.tools.detect;

import com.fasterxml.jackson.core.type.TypeReference;
import io.visualinspection.model.ClassNames;
import io.visualinspection.model.ErrorResponse;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.Json;
import io.visualinspection.model.manifest.ModelManifest;
import io.visualinspection.tools.cli.MultipartBody;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Detection through a running inference service: {@code POST /inference} (the default model) or
 * {@code POST /models/{name}/detect}, the image in the multipart field {@code image}, thresholds as text
 * fields.
 */
public final class HttpDetector implements Detector {

    private final HttpClient client;
    private final URI base;
    private final URI endpoint;
    private final String model;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Duration timeout;
    private ClassNames classNames;

    /**
     * @param baseUrl the service's base URL, e.g. {@code http://127.0.0.1:5052}
     * @param model the model name, or null for the service's default model
     */
    public HttpDetector(URI baseUrl, String model, Double scoreThreshold, Double iouThreshold, Duration timeout) {
        String b = baseUrl.toString().replaceAll("/+$", "");
        this.base = URI.create(b);
        this.model = model;
        this.endpoint = URI.create(model == null ? b + "/inference"
                : b + "/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20") + "/detect");
        if (scoreThreshold != null) {
            fields.put(ModelManifest.SCORE_THRESHOLD, String.valueOf(scoreThreshold));
        }
        if (iouThreshold != null) {
            fields.put(ModelManifest.IOU_THRESHOLD, String.valueOf(iouThreshold));
        }
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public InferenceResult detect(String fileName, byte[] bytes, BufferedImage image) throws DetectorException {
        MultipartBody body = MultipartBody.of(fileName, bytes, fields);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", body.contentType())
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        if (status == 200) {
            try {
                return Json.mapper().readValue(response.body(), InferenceResult.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new DetectorException(endpoint + " answered something that is not an inference result: "
                        + e.getMessage(), false, e);
            }
        }
        String message = endpoint + " answered " + status + ": " + errorMessage(response.body());
        // 4xx other than "no such model" are about this image; the rest stop the run.
        throw new DetectorException(message, status >= 400 && status < 500 && status != 404, null);
    }

    /** The class names from the service's model list ({@code GET /models}); none when it cannot tell. */
    @Override
    public synchronized ClassNames classNames() {
        if (classNames == null) {
            classNames = ClassNames.NONE;
            try {
                HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/models"))
                        .timeout(timeout).header("Accept", "application/json").GET().build());
                if (response.statusCode() == 200) {
                    List<ModelManifest> models = Json.mapper().readValue(response.body(),
                            new TypeReference<List<ModelManifest>>() { });
                    for (ModelManifest m : models) {
                        boolean wanted = model != null ? model.equals(m.name()) : Boolean.TRUE.equals(m.isDefault());
                        if (wanted && m.classNames() != null) {
                            classNames = new ClassNames(m.classNames());
                        }
                    }
                }
            } catch (DetectorException | IOException | RuntimeException e) {
                // Names only label drawings and classes.txt; detection works without them.
            }
        }
        return classNames;
    }

    @Override
    public String description() {
        return "inference service " + endpoint;
    }

    @Override
    public void close() {
        client.close();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws DetectorException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DetectorException("cannot reach the inference service at " + request.uri() + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DetectorException("interrupted while waiting for " + request.uri(), false, e);
        }
    }

    private static String errorMessage(byte[] body) {
        try {
            ErrorResponse error = Json.mapper().readValue(body, ErrorResponse.class);
            if (error.message() != null) {
                return error.message();
            }
        } catch (IOException | RuntimeException e) {
            // Not the services' error shape: show the start of the body.
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
