package io.visualinspection.frontend.service;

import io.visualinspection.frontend.client.BackendClient;
import io.visualinspection.frontend.client.OverruleRequest;
import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.InspectionResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Calls the backend and turns its errors into messages for the operator. */
@ApplicationScoped
public class BackendInspectionGateway implements InspectionGateway {

    /** Everything: decision, pattern flags, both images, boxes, class ids, scores. */
    static final String ALL_RETURN_OPTIONS = "127";

    private final BackendClient backend;

    BackendInspectionGateway(@RestClient BackendClient backend) {
        this.backend = backend;
    }

    @Override
    public InspectionResult trigger(InspectionSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new InspectionFailedException("The settings are not valid: " + String.join("; ", problems)
                    + ". Change them in Settings.", null);
        }
        Map<String, String> query = new LinkedHashMap<>(settings.toQuery());
        query.put("return_options", ALL_RETURN_OPTIONS);
        return Upstream.BACKEND.call("inspection", () -> backend.inspectWithCamera(query),
                InspectionFailedException::new);
    }

    @Override
    public InspectionRecord overrule(String inspectionId, boolean verdict, String operator, String comment) {
        return Upstream.BACKEND.call("overrule of " + inspectionId,
                () -> backend.overrule(inspectionId, new OverruleRequest(verdict, operator, comment)));
    }
}
