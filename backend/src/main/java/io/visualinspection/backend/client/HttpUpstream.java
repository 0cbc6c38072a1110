package io.visualinspection.backend.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualinspection.model.ErrorResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One upstream service over HTTP/1.1, with blocking I/O on the calling thread: the JDK's HttpURLConnection, whose
 * kept-alive connections the JDK pools per host. An inspection waits for its upstream anyway; exchanging on the
 * waiting thread saves the hand-offs to and from an event loop that a reactive client makes, which cost several
 * milliseconds per call while ONNX Runtime holds the cores (docs/benchmarks.md, "HTTP hops"). A pooled connection
 * that the upstream closed (a restart) is dropped before use by the JDK's own check; one that closes while the
 * request goes out makes the JDK send the request once more on a new connection.
 */
public final class HttpUpstream {

    /** What the upstream answered: any status, its content type, the whole body. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final String name;
    private final String base;
    private final int connectTimeoutMs;
    private final int readTimeoutMs;
    private final String authorization;
    private final ObjectMapper json;

    /**
     * @param name the upstream's name in every error ({@code camera}, {@code inference})
     * @param readTimeoutMs how long the upstream may stay silent while answering
     * @param token its bearer token, when its API authentication is on
     */
    public HttpUpstream(String name, URI base, int connectTimeoutMs, int readTimeoutMs, Optional<String> token,
            ObjectMapper json) {
        if (base.getHost() == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
            throw new IllegalArgumentException("backend." + name + ".url must be an http:// or https:// URL with a "
                    + "host (http://host:port); got '" + base + "'");
        }
        this.name = name;
        this.base = base.toString().replaceAll("/+$", "");
        this.connectTimeoutMs = connectTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
        this.authorization = token.filter(t -> !t.isBlank()).map(t -> "Bearer " + t.strip()).orElse(null);
        this.json = json;
    }

    public Answer get(String path, Map<String, String> query) {
        return exchange("GET", path, query, null, null);
    }

    public Answer post(String path, Map<String, String> query, String contentType, byte[] body) {
        return exchange("POST", path, query, contentType, body);
    }

    /** A 2xx answer's JSON body; anything else is this upstream's error, named. */
    public <T> T json(Answer answer, Class<T> type) {
        requireSuccess(answer);
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new UpstreamException(name, 502, "failed", name + " answered with a body that is not the "
                    + "expected " + type.getSimpleName() + ": " + why, e);
        }
    }

    /** Throws the upstream's error answer as this backend's (see {@link Upstreams#fromResponse}). */
    public Answer requireSuccess(Answer answer) {
        if (answer.status() >= 300) {
            throw Upstreams.fromResponse(name, answer.status(), detail(answer));
        }
        return answer;
    }

    /** The message of an error answer: its JSON {@code message}, else the start of its text. */
    private String detail(Answer answer) {
        try {
            ErrorResponse error = json.readValue(answer.body(), ErrorResponse.class);
            if (error != null && error.message() != null) {
                return error.message();
            }
        } catch (IOException | RuntimeException ignored) {
            // not our error shape: fall back to the text
        }
        String text = new String(answer.body(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "HTTP " + answer.status() : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private Answer exchange(String method, String path, Map<String, String> query, String contentType, byte[] body) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(base + path + queryString(query)).toURL()
                    .openConnection(Proxy.NO_PROXY);
            connection.setRequestMethod(method);
            connection.setConnectTimeout(connectTimeoutMs);
            connection.setReadTimeout(readTimeoutMs);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            if (body != null) {
                // Buffered by the connection rather than streamed, so that the JDK may send it again when a pooled
                // connection closes under it. Neither upstream call has side effects to repeat.
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", contentType);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] bytes;
            if (in == null) {
                bytes = new byte[0];
            } else {
                try (in) {
                    bytes = in.readAllBytes(); // read to the end, so that the connection goes back to the pool
                }
            }
            return new Answer(status, connection.getContentType(), bytes);
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect(); // a connection in an unknown state is not pooled
            }
            throw Upstreams.fromTransport(name, e);
        }
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : query.entrySet()) {
            q.append(q.isEmpty() ? '?' : '&').append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        }
        return q.toString();
    }

    /** Percent-encoding for a query value or a path segment (a space is %20, never the form encoding's +). */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
