package io.visualinspection.frontend.client;

import java.util.Optional;

/** Builds the header factory as CDI would, with a given token. */
public final class BackendAuthHeadersAccess {

    private BackendAuthHeadersAccess() {
    }

    public static BackendAuthHeaders headers(Optional<String> token) {
        return new BackendAuthHeaders(token);
    }
}
