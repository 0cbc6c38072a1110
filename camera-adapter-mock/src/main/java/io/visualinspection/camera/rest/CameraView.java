package io.visualinspection.camera.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.visualinspection.camera.service.FaultSettings;
import io.visualinspection.camera.service.VirtualCamera;

/** One emulated camera as {@code GET /cameras} shows it. */
public record CameraView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("serial_number") String serialNumber,
        @JsonProperty("ip") String ip,
        @JsonProperty("mac") String mac,
        @JsonProperty("default") boolean isDefault,
        @JsonProperty("source") String source,
        @JsonProperty("frames") int frames,
        @JsonProperty("faults") FaultSettings faults,
        @JsonProperty("hung_requests") int hungRequests) {

    static CameraView of(VirtualCamera c, boolean isDefault) {
        return new CameraView(c.id(), c.name(), c.serialNumber(), c.ip(), c.mac(), isDefault, c.frames().describe(),
                c.frames().count(), c.faults().settings(), c.faults().hungRequests());
    }
}
