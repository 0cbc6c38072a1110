package io.visualinspection.frontend.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A SmallRye Health answer ({@code /q/health/ready}): overall status and each check with its data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthReport(@JsonProperty("status") String status, @JsonProperty("checks") List<Check> checks) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Check(@JsonProperty("name") String name, @JsonProperty("status") String status,
            @JsonProperty("data") Map<String, Object> data) {

        public boolean up() {
            return "UP".equalsIgnoreCase(status);
        }
    }

    public boolean up() {
        return "UP".equalsIgnoreCase(status);
    }

    public List<Check> checksOrEmpty() {
        return checks == null ? List.of() : checks;
    }
}
