package io.visualinspection.backend.client;

import org.eclipse.microprofile.config.ConfigProvider;

/** The bearer token this backend presents to an upstream whose API authentication is on; none by default. */
final class UpstreamToken {

    private UpstreamToken() {
    }

    /** {@code Bearer <token>} from the property, or null (then no header is sent). */
    static String authorization(String property) {
        return ConfigProvider.getConfig().getOptionalValue(property, String.class)
                .filter(t -> !t.isBlank()).map(t -> "Bearer " + t.strip()).orElse(null);
    }
}
