package io.visualinspection.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.visualinspection.model.ErrorResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Optional bearer-token authentication in front of every route: 401 without a token, 403 with a wrong
 * one. Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual} against every configured
 * token, so the time taken says nothing about how much of a token was right. Tokens are never logged.
 */
@ApplicationScoped
public class TokenAuthentication {

    private static final Logger LOG = Logger.getLogger(TokenAuthentication.class);
    private static final String BEARER = "Bearer ";

    private final ApiAuthConfig config;
    private final ObjectMapper json;
    private final List<byte[]> digests;

    TokenAuthentication(ApiAuthConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.digests = this.config.tokens().orElse(List.of()).stream()
                .map(String::strip).filter(t -> !t.isEmpty()).map(TokenAuthentication::sha256).toList();
    }

    void install(@Observes StartupEvent event, Router router) {
        if (!config.enabled()) {
            return;
        }
        if (digests.isEmpty()) {
            throw new IllegalStateException("api.auth.enabled=true but api.auth.tokens is empty");
        }
        LOG.infof("API token authentication on (%d tokens, operations endpoints %s)", digests.size(),
                config.protectOperations() ? "protected" : "open");
        router.route().order(-1000).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!config.protectOperations() && (path.equals("/q") || path.startsWith("/q/"))) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            deny(ctx, 401, "this API needs 'Authorization: Bearer <token>'");
            return;
        }
        if (!accepted(header.substring(BEARER.length()).strip())) {
            deny(ctx, 403, "the token is not accepted");
            return;
        }
        ctx.next();
    }

    boolean accepted(String token) {
        byte[] given = sha256(token);
        boolean match = false;
        for (byte[] d : digests) {
            match |= MessageDigest.isEqual(given, d); // no early exit
        }
        return match;
    }

    private void deny(RoutingContext ctx, int status, String message) {
        try {
            byte[] body = json.writeValueAsBytes(new ErrorResponse(status,
                    status == 401 ? "Unauthorized" : "Forbidden", message));
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            if (status == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
            }
            ctx.response().end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (Exception e) {
            ctx.fail(status);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
