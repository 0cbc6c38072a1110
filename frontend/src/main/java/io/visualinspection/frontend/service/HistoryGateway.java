package io.visualinspection.frontend.service;

import io.visualinspection.frontend.client.InspectionPage;
import io.visualinspection.model.InspectionRecord;
import java.util.Locale;
import java.util.Optional;

/** The backend's history of inspections, for the History and detail views. */
public interface HistoryGateway {

    /** Which inspections to list, by the decision that counts (the operator's when overruled). */
    enum DecisionFilter {
        ALL, OK, NOK;

        public String query() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One inspection's record, and the record as JSON, pretty-printed. */
    record Detail(InspectionRecord record, String json) {
    }

    /**
     * The newest inspections matching the filter.
     *
     * @throws GatewayException with a message for the operator
     */
    InspectionPage recent(DecisionFilter filter, int offset, int limit);

    /** The record of an inspection; empty when the backend does not know the id. */
    Optional<Detail> find(String id);

    /** An inspection's image as taken, or drawn; empty when the backend did not keep it. */
    Optional<ImageData> image(String id, boolean drawn);

    /** A small JPEG of the drawn image for lists; empty when the backend did not keep it. */
    Optional<ImageData> thumbnail(String id);
}
