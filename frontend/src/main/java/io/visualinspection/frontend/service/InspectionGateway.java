package io.visualinspection.frontend.service;

import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.InspectionResult;

/** What the views ask of the backend about inspections. Views depend on this, not on HTTP. */
public interface InspectionGateway {

    /**
     * Triggers the camera and inspects the photo with these settings; the result carries both images.
     *
     * @throws InspectionFailedException with a message an operator can act on
     */
    InspectionResult trigger(InspectionSettings settings);

    /**
     * Records the operator's verdict with the inspection (the system's decision stays beside it).
     *
     * @throws GatewayException with a message for the operator
     */
    InspectionRecord overrule(String inspectionId, boolean verdict, String operator, String comment);
}
