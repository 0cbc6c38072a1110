package io.visualinspection.camera.rest;

import io.visualinspection.service.ErrorResponses;
import io.visualinspection.camera.config.CameraConfig;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the admin API apart from the adapter's: with {@code camera.admin.enabled=false} every {@code /admin}
 * request answers 404, as if the API did not exist. Checked at run time, so one packaged emulator serves both ways.
 */
public class AdminAccessFilter {

    private final boolean enabled;

    AdminAccessFilter(CameraConfig config) {
        this.enabled = config.admin().enabled();
    }

    @ServerRequestFilter
    public Optional<Response> onlyWhenEnabled(ResourceInfo resource) {
        if (enabled || resource.getResourceClass() != FaultsAdminResource.class) {
            return Optional.empty();
        }
        return Optional.of(ErrorResponses.error(404, "the admin API is disabled (camera.admin.enabled=false)"));
    }
}
