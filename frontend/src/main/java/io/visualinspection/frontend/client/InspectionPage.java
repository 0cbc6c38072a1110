package io.visualinspection.frontend.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.visualinspection.model.InspectionRecord;
import java.util.List;

/** {@code GET /inspections}: one page of records, newest first, and how many match in all. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InspectionPage(@JsonProperty("total") int total, @JsonProperty("items") List<InspectionRecord> items) {

    public static final InspectionPage EMPTY = new InspectionPage(0, List.of());
}
