package io.visualinspection.frontend.service;

import io.visualinspection.frontend.client.BackendClient;
import io.visualinspection.model.ErrorResponse;
import io.visualinspection.model.InspectionResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Calls the backend and turns its errors into messages for the operator. */
@ApplicationScoped
public class BackendInspectionGateway implements InspectionGateway {

    private static final Logger LOG = Logger.getLogger(BackendInspectionGateway.class);

    private final BackendClient backend;

    BackendInspectionGateway(@RestClient BackendClient backend) {
        this.backend = backend;
    }

    @Override
    public InspectionResult trigger() {
        try {
            return backend.inspectWithCamera(Map.of());
        } catch (WebApplicationException e) {
            String message = errorMessage(e);
            LOG.warnf("inspection failed: HTTP %d %s", e.getResponse().getStatus(), message);
            throw new InspectionFailedException(message, e);
        } catch (ProcessingException e) {
            LOG.warnf("backend unreachable: %s", e.getMessage());
            throw new InspectionFailedException("The inspection service cannot be reached. Check that the backend "
                    + "is running.", e);
        }
    }

    private static String errorMessage(WebApplicationException e) {
        try {
            ErrorResponse error = e.getResponse().readEntity(ErrorResponse.class);
            if (error != null && error.message() != null) {
                return error.message();
            }
        } catch (RuntimeException ignored) {
            // not our error shape
        }
        return "The inspection failed (HTTP " + e.getResponse().getStatus() + ").";
    }
}
