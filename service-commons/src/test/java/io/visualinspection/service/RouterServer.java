package io.visualinspection.service;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A Vert.x HTTP server on a free port of 127.0.0.1 (HTTP/1.1, and HTTP/2 after an upgrade) serving test routes. */
final class RouterServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;

    private RouterServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static RouterServer start(Consumer<Router> routes) throws Exception {
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        routes.accept(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new RouterServer(vertx, server);
    }

    int port() {
        return server.actualPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
