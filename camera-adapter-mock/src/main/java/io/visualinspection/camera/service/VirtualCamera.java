package io.visualinspection.camera.service;

import java.util.LinkedHashMap;
import java.util.Map;

/** One emulated camera: who it is on the line, where its frames come from, which faults it shows now. */
public record VirtualCamera(String id, String name, String serialNumber, String ip, String mac, FrameSource frames,
        CameraFaults faults) {

    /** What the Basler adapter's {@code get-camera-info} answers for this camera. */
    public Map<String, String> adapterInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Name", name);
        info.put("IP", ip);
        info.put("MAC", mac);
        info.put("SerialNumber", serialNumber);
        return info;
    }
}
