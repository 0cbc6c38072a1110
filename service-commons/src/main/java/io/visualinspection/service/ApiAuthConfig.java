package io.visualinspection.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Bearer-token authentication of a service's API, the same for every service ({@code API_AUTH_ENABLED},
 * {@code API_AUTH_TOKENS}...).
 */
@ConfigMapping(prefix = "api.auth")
public interface ApiAuthConfig {

    /** When on, every API call needs {@code Authorization: Bearer <one of the tokens>}. */
    @WithDefault("false")
    boolean enabled();

    /** The accepted tokens (comma-separated); never logged. */
    Optional<List<String>> tokens();

    /** Also protect health, metrics and the API docs ({@code /q/*}); off so that probes and scrapers work. */
    @WithDefault("false")
    boolean protectOperations();
}
