package io.visualinspection.frontend.service;

import io.visualinspection.frontend.config.UiConfig;
import io.visualinspection.model.camera.CameraParameters;
import io.visualinspection.model.camera.ImageParameters;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an inspection is triggered with: camera (by serial number or IP address), image parameters, pattern
 * key, minimum score and strictness, and the model choice. A value left empty is left to the backend. Sent
 * to {@code GET /main/with-camera} by the SPEC's query names.
 */
public class InspectionSettings implements Serializable {

    private String serialNumber;
    private String ipAddress;
    private Integer timeoutMs;
    private Integer exposureTimeMicroseconds;
    private String format;
    private Integer quality;
    private Double rotationAngle;
    private Boolean rotationExpand;
    private Double roiLeft;
    private Double roiTop;
    private Double roiRight;
    private Double roiBottom;
    private String patternKey;
    private Double minScore;
    private Boolean strict;
    private String model;
    private Map<String, Double> modelParameters = new LinkedHashMap<>();

    /** The settings a new session starts with, from {@code ui.inspection.*}. */
    public static InspectionSettings from(UiConfig.Inspection defaults) {
        InspectionSettings s = new InspectionSettings();
        s.serialNumber = defaults.serialNumber().orElse(null);
        s.ipAddress = defaults.ipAddress().orElse(null);
        s.timeoutMs = defaults.timeoutMs().orElse(null);
        s.exposureTimeMicroseconds = defaults.exposureTimeMicroseconds().orElse(null);
        s.format = defaults.format().orElse(null);
        s.quality = defaults.quality().orElse(null);
        s.rotationAngle = defaults.rotationAngle().orElse(null);
        s.rotationExpand = defaults.rotationExpand().orElse(null);
        s.roiLeft = defaults.roiLeft().orElse(null);
        s.roiTop = defaults.roiTop().orElse(null);
        s.roiRight = defaults.roiRight().orElse(null);
        s.roiBottom = defaults.roiBottom().orElse(null);
        s.patternKey = defaults.patternKey().orElse(null);
        s.minScore = defaults.minScore().orElse(null);
        s.strict = defaults.strict().orElse(null);
        return s;
    }

    public InspectionSettings copy() {
        InspectionSettings c = new InspectionSettings();
        c.serialNumber = serialNumber;
        c.ipAddress = ipAddress;
        c.timeoutMs = timeoutMs;
        c.exposureTimeMicroseconds = exposureTimeMicroseconds;
        c.format = format;
        c.quality = quality;
        c.rotationAngle = rotationAngle;
        c.rotationExpand = rotationExpand;
        c.roiLeft = roiLeft;
        c.roiTop = roiTop;
        c.roiRight = roiRight;
        c.roiBottom = roiBottom;
        c.patternKey = patternKey;
        c.minScore = minScore;
        c.strict = strict;
        c.model = model;
        c.modelParameters = new LinkedHashMap<>(modelParameters);
        return c;
    }

    public CameraParameters camera() {
        return new CameraParameters(blankToNull(serialNumber), blankToNull(ipAddress), null, null, null, null, null,
                null, timeoutMs, exposureTimeMicroseconds, null);
    }

    public ImageParameters image() {
        return new ImageParameters(blankToNull(format), quality, rotationAngle, rotationExpand, roiLeft, roiTop,
                roiRight, roiBottom);
    }

    /** The query of {@code GET /main/with-camera}: only what is set, by SPEC name. */
    public Map<String, String> toQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        q.putAll(camera().toQuery());
        q.putAll(image().toQuery());
        if (blankToNull(patternKey) != null) {
            q.put("pattern_key", patternKey.strip());
        }
        if (minScore != null) {
            q.put("min_score", String.valueOf(minScore));
        }
        if (strict != null) {
            q.put("strict", String.valueOf(strict));
        }
        if (model != null) {
            q.put("model", model);
        }
        modelParameters.forEach((name, value) -> q.put(name,
                value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue())
                        : String.valueOf(value)));
        return q;
    }

    /** What the camera or backend would refuse, said before asking them; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(camera().problems());
        problems.addAll(image().problems());
        if (minScore != null && !(minScore >= 0 && minScore <= 1)) {
            problems.add("min_score must be in 0..1, got " + minScore);
        }
        return problems;
    }

    /** One line for the Inspect view: what the next trigger uses. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add("pattern " + (blankToNull(patternKey) != null ? patternKey.strip() : "default"));
        parts.add("min score " + (minScore != null ? String.format(Locale.ROOT, "%.2f", minScore) : "default"));
        if (blankToNull(serialNumber) != null) {
            parts.add("camera " + serialNumber.strip());
        } else if (blankToNull(ipAddress) != null) {
            parts.add("camera " + ipAddress.strip());
        } else {
            parts.add("default camera");
        }
        if (Boolean.TRUE.equals(strict)) {
            parts.add("strict");
        }
        return String.join(" · ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = blankToNull(serialNumber);
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = blankToNull(ipAddress);
    }

    public Integer getTimeoutMs() {
        return timeoutMs;
    }

    public void setTimeoutMs(Integer timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    public Integer getExposureTimeMicroseconds() {
        return exposureTimeMicroseconds;
    }

    public void setExposureTimeMicroseconds(Integer exposureTimeMicroseconds) {
        this.exposureTimeMicroseconds = exposureTimeMicroseconds;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = blankToNull(format);
    }

    public Integer getQuality() {
        return quality;
    }

    public void setQuality(Integer quality) {
        this.quality = quality;
    }

    public Double getRotationAngle() {
        return rotationAngle;
    }

    public void setRotationAngle(Double rotationAngle) {
        this.rotationAngle = rotationAngle;
    }

    public Boolean getRotationExpand() {
        return rotationExpand;
    }

    public void setRotationExpand(Boolean rotationExpand) {
        this.rotationExpand = rotationExpand;
    }

    public Double getRoiLeft() {
        return roiLeft;
    }

    public void setRoiLeft(Double roiLeft) {
        this.roiLeft = roiLeft;
    }

    public Double getRoiTop() {
        return roiTop;
    }

    public void setRoiTop(Double roiTop) {
        this.roiTop = roiTop;
    }

    public Double getRoiRight() {
        return roiRight;
    }

    public void setRoiRight(Double roiRight) {
        this.roiRight = roiRight;
    }

    public Double getRoiBottom() {
        return roiBottom;
    }

    public void setRoiBottom(Double roiBottom) {
        this.roiBottom = roiBottom;
    }

    public String getPatternKey() {
        return patternKey;
    }

    public void setPatternKey(String patternKey) {
        this.patternKey = blankToNull(patternKey);
    }

    public Double getMinScore() {
        return minScore;
    }

    public void setMinScore(Double minScore) {
        this.minScore = minScore;
    }

    public Boolean getStrict() {
        return strict;
    }

    public void setStrict(Boolean strict) {
        this.strict = strict;
    }

    /** The model chosen in the settings; null: the inference service's default. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = blankToNull(model);
    }

    /** Values of the chosen model's parameters (by manifest name) that differ from its defaults. */
    public Map<String, Double> getModelParameters() {
        return modelParameters;
    }

    public void setModelParameters(Map<String, Double> modelParameters) {
        this.modelParameters = modelParameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(modelParameters);
    }
}
