package io.visualinspection.frontend.service;

import io.visualinspection.model.InspectionResult;

/** What the views ask of the backend. Views depend on this, not on HTTP. */
public interface InspectionGateway {

    /**
     * Triggers the camera and inspects the photo.
     *
     * @throws InspectionFailedException with a message an operator can act on
     */
    InspectionResult trigger();
}
