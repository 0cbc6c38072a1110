package io.visualinspection.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A declared body over the limit, refused with the error body over real HTTP on a Vert.x server, on HTTP/1 and 2. */
class BodySizeLimitTest {

    private static final long LIMIT = 1_000_000;
    private static RouterServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RouterServer.start(router -> {
            router.route().order(BodySizeLimit.BEFORE_QUARKUS_LIMIT).handler(ctx -> BodySizeLimit.check(ctx, LIMIT));
            router.route().order(BodySizeLimit.BEFORE_QUARKUS_LIMIT + 1).handler(ctx -> ctx.request().body()
                    .onSuccess(body -> ctx.response().end("bytes=" + body.length())));
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void onHttp1TheAnswerSaysTheLimitAndTheConnectionCloses() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> answer = client.send(post(new byte[(int) LIMIT + 1]),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("the request body is 1000001 bytes, over the limit of 1000000 bytes");
        assertThat(answer.headers().firstValue("connection")).as("the unread body must not be taken for a request")
                .hasValue("close");
    }

    /** HTTP/2 forbids a Connection header: a client that gets one fails the answer as a protocol error. */
    @Test
    void onHttp2TheAnswerSaysTheLimitAndTheConnectionServesOn() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        client.send(HttpRequest.newBuilder(uri()).GET().build(), HttpResponse.BodyHandlers.ofString()); // upgrades
        HttpResponse<String> answer = client.send(post(new byte[(int) LIMIT + 1]),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("the request body is 1000001 bytes, over the limit of 1000000 bytes");
        HttpResponse<String> next = client.send(post(new byte[(int) LIMIT]), HttpResponse.BodyHandlers.ofString());
        assertThat(next.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(next.body()).isEqualTo("bytes=1000000");
    }

    private static HttpRequest post(byte[] body) {
        return HttpRequest.newBuilder(uri()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static URI uri() {
        return server.uri("/upload");
    }
}
