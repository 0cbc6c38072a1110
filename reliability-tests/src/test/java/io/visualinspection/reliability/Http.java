package io.visualinspection.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Plain HTTP on loopback with full control over method, content type and body bytes (malformed ones
 * included), and the answer as status, headers, body and the time it took.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = newClient();

    private Http() {
    }

    /** A client of its own, for requests whose connection should not be shared (it may be cut by the server). */
    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An answer; status -1 when the connection failed (then {@link #error} says how). */
    record Reply(int status, Map<String, List<String>> headers, byte[] body, long millis, String error) {

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The JSON body, or null when the body is not JSON. */
        JsonNode json() {
            try {
                return body.length == 0 ? null : JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        /** The {@code message} of an error answer, or null. */
        String message() {
            JsonNode j = json();
            return j != null && j.hasNonNull("message") ? j.get("message").asText() : null;
        }

        /** The {@code upstream} an error answer names, or null. */
        String upstream() {
            JsonNode j = json();
            return j != null && j.hasNonNull("upstream") ? j.get("upstream").asText() : null;
        }

        @Override
        public String toString() {
            String t = status == -1 ? error : text();
            return status + " in " + millis + " ms: " + (t.length() > 300 ? t.substring(0, 300) + "..." : t);
        }
    }

    /** A request being built: method, URL, headers and body. */
    static final class Request {
        private final String method;
        private final String url;
        private final HttpRequest.Builder builder;
        private byte[] body;
        private Duration timeout = Duration.ofSeconds(30);

        private Request(String method, String url) {
            this.method = method;
            this.url = url;
            this.builder = HttpRequest.newBuilder(URI.create(url));
        }

        Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        Request token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        Request body(String contentType, byte[] bytes) {
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            this.body = bytes;
            return this;
        }

        Request json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        Request multipart(Multipart form) {
            return body(form.contentType(), form.bytes());
        }

        Request timeout(Duration t) {
            this.timeout = t;
            return this;
        }

        Reply send() {
            return send(CLIENT);
        }

        Reply send(HttpClient client) {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            // As curl does: a body over 1 MB waits for 100 Continue, so that a server refusing it early (413) is
            // heard instead of resetting a connection the client is still writing to.
            HttpRequest request = builder.timeout(timeout).method(method, publisher)
                    .expectContinue(body != null && body.length > 1_048_576).build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(r.statusCode(), r.headers().map(), r.body(), (System.nanoTime() - t0) / 1_000_000,
                        null);
            } catch (IOException e) {
                return new Reply(-1, Map.of(), new byte[0], (System.nanoTime() - t0) / 1_000_000,
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted calling " + method + " " + url, e);
            }
        }
    }

    static Request get(String url) {
        return new Request("GET", url);
    }

    static Request request(String method, String url) {
        return new Request(method, url);
    }

    /** A multipart/form-data body built part by part. */
    static final class Multipart {
        private final String boundary = "reliability-" + Long.toHexString(System.nanoTime());
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart file(String name, String fileName, String contentType, byte[] bytes) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            out.writeBytes(bytes);
            write("\r\n");
            return this;
        }

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
