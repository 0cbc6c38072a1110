package io.visualinspection.frontend.client;

import io.visualinspection.frontend.config.UiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Adds {@code Authorization: Bearer <ui.backend-token>} to backend calls when a token is configured. */
@ApplicationScoped
public class BackendAuthHeaders implements ClientHeadersFactory {

    private final Optional<String> header;

    @Inject
    BackendAuthHeaders(UiConfig config) {
        this(config.backendToken());
    }

    BackendAuthHeaders(Optional<String> token) {
        this.header = token.map(String::strip).filter(t -> !t.isEmpty()).map(t -> "Bearer " + t);
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        header.ifPresent(h -> headers.putSingle(HttpHeaders.AUTHORIZATION, h));
        return headers;
    }

    @Override
    public String toString() {
        return "BackendAuthHeaders[token " + (header.isPresent() ? "set" : "not set") + "]";
    }
}
