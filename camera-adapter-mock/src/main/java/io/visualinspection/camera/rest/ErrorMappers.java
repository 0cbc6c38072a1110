package io.visualinspection.camera.rest;

import io.visualinspection.camera.service.CameraFaultException;
import io.visualinspection.service.ErrorResponses;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The faults a camera shows, as error answers naming the fault (common errors: service-commons). */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response cameraFault(CameraFaultException e) {
        LOG.debug(e.getMessage());
        return ErrorResponses.error(e.status(), e.getMessage());
    }
}
