package io.visualinspection.frontend.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.DoubleRangeValidator;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.data.validator.RegexpValidator;
import io.visualinspection.frontend.client.PatternList;
import io.visualinspection.frontend.service.InspectionSettings;
import io.visualinspection.model.camera.CameraParameters;
import io.visualinspection.model.camera.ImageParameters;
import io.visualinspection.model.manifest.ModelManifest;
import io.visualinspection.model.manifest.ModelParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The inspection settings as a form: camera (serial number or IP address), image parameters, pattern key
 * (from the backend's patterns), minimum score and strictness, and the model with controls built from its
 * parameters' ranges. Empty fields are left to the backend's defaults.
 */
public class SettingsForm extends VerticalLayout {

    static final String STRICT_PATTERN = "As the pattern says";
    static final String STRICT_ON = "Strict: extra detections fail";
    static final String STRICT_OFF = "Not strict";
    static final String FORMAT_DEFAULT = "Camera default";

    final TextField serialNumber = new TextField("Camera serial number");
    final TextField ipAddress = new TextField("Camera IP address");
    final IntegerField timeoutMs = new IntegerField("Camera timeout (ms)");
    final IntegerField exposure = new IntegerField("Exposure (µs)");
    final Select<String> format = new Select<>();
    final IntegerField quality = new IntegerField("Quality");
    final NumberField rotationAngle = new NumberField("Rotation (degrees)");
    final Checkbox rotationExpand = new Checkbox("Grow the image to hold the rotation");
    final NumberField roiLeft = new NumberField("ROI left");
    final NumberField roiTop = new NumberField("ROI top");
    final NumberField roiRight = new NumberField("ROI right");
    final NumberField roiBottom = new NumberField("ROI bottom");
    final ComboBox<String> patternKey = new ComboBox<>("Pattern");
    final Paragraph patternNote = new Paragraph();
    final NumberField minScore = new NumberField("Minimum score");
    final Select<String> strict = new Select<>();
    final Select<String> model = new Select<>();
    final Div modelParameters = new Div();
    final Paragraph modelNote = new Paragraph();

    private final Binder<InspectionSettings> binder = new Binder<>(InspectionSettings.class);
    private final Map<String, HasValue<?, ? extends Number>> parameterFields = new LinkedHashMap<>();
    private List<String> patternKeys = List.of();
    private List<ModelManifest> models = List.of();
    private Map<String, Double> parameterValues = new LinkedHashMap<>();

    public SettingsForm() {
        setId("settings-form");
        addClassName("settings-form");
        setPadding(false);

        serialNumber.setId("camera-serial");
        serialNumber.setPlaceholder("default camera");
        serialNumber.setClearButtonVisible(true);
        ipAddress.setId("camera-ip");
        ipAddress.setPlaceholder("default camera");
        ipAddress.setClearButtonVisible(true);
        timeoutMs.setId("camera-timeout");
        timeoutMs.setMin(CameraParameters.MIN_TIMEOUT_MS);
        timeoutMs.setPlaceholder("backend default");
        exposure.setId("camera-exposure");
        exposure.setMin(CameraParameters.MIN_EXPOSURE_MICROSECONDS);
        exposure.setPlaceholder("camera default");

        format.setId("image-format");
        format.setLabel("Image format");
        format.setItems(FORMAT_DEFAULT, "jpeg", "png", "bmp", "webp");
        format.setValue(FORMAT_DEFAULT);
        quality.setId("image-quality");
        quality.setMin(ImageParameters.MIN_QUALITY);
        quality.setMax(ImageParameters.MAX_QUALITY);
        quality.setStepButtonsVisible(true);
        quality.setStep(5);
        quality.setPlaceholder("camera default");
        rotationAngle.setId("image-rotation");
        rotationAngle.setPlaceholder("0");
        rotationAngle.setStep(90);
        rotationAngle.setStepButtonsVisible(true);
        rotationExpand.setId("image-rotation-expand");
        for (NumberField roi : List.of(roiLeft, roiTop, roiRight, roiBottom)) {
            roi.setMin(0);
            roi.setPlaceholder("whole image");
            roi.setHelperText("≤ 1: fraction, larger: pixels");
        }
        roiLeft.setId("roi-left");
        roiTop.setId("roi-top");
        roiRight.setId("roi-right");
        roiBottom.setId("roi-bottom");

        patternKey.setId("pattern-key");
        patternKey.setAllowCustomValue(true);
        patternKey.addCustomValueSetListener(e -> {
            offerPattern(e.getDetail());
            patternKey.setValue(e.getDetail());
        });
        patternKey.setClearButtonVisible(true);
        patternKey.setPlaceholder("backend default");
        patternKey.setItems(patternKeys);
        patternNote.setId("pattern-note");
        patternNote.addClassName("form-note");
        minScore.setId("min-score");
        minScore.setMin(0);
        minScore.setMax(1);
        minScore.setStep(0.05);
        minScore.setStepButtonsVisible(true);
        minScore.setPlaceholder("backend default");
        minScore.setHelperText("0..1: detections below it do not count");
        strict.setId("strict");
        strict.setLabel("Extra detections");
        strict.setItems(STRICT_PATTERN, STRICT_ON, STRICT_OFF);
        strict.setValue(STRICT_PATTERN);

        model.setId("model");
        model.setLabel("Model");
        model.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                parameterValues = new LinkedHashMap<>();
            }
            showParameters();
        });
        modelParameters.setId("model-parameters");
        modelParameters.addClassName("model-parameters");
        modelNote.setId("model-note");
        modelNote.addClassName("form-note");

        bind();

        add(section("Camera", serialNumber, ipAddress, timeoutMs, exposure),
                section("Image", format, quality, rotationAngle, rotationExpand, roiLeft, roiTop, roiRight, roiBottom),
                section("Pattern", patternKey, minScore, strict), patternNote,
                section("Model", model), modelParameters, modelNote);
    }

    private static Component section(String title, Component... fields) {
        H3 heading = new H3(title);
        heading.addClassName("form-section");
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("22em", 2));
        Div box = new Div(heading, form);
        box.addClassName("form-box");
        return box;
    }

    private void bind() {
        binder.forField(serialNumber).bind(InspectionSettings::getSerialNumber, InspectionSettings::setSerialNumber);
        binder.forField(ipAddress)
                .withValidator(new RegexpValidator("An IPv4 address, like 192.168.10.21",
                        "^$|^((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)$"))
                .bind(InspectionSettings::getIpAddress, InspectionSettings::setIpAddress);
        binder.forField(timeoutMs)
                .withValidator(v -> v == null || v >= CameraParameters.MIN_TIMEOUT_MS,
                        "At least " + CameraParameters.MIN_TIMEOUT_MS + " ms")
                .bind(InspectionSettings::getTimeoutMs, InspectionSettings::setTimeoutMs);
        binder.forField(exposure)
                .withValidator(v -> v == null || v >= CameraParameters.MIN_EXPOSURE_MICROSECONDS,
                        "At least " + CameraParameters.MIN_EXPOSURE_MICROSECONDS + " µs")
                .bind(InspectionSettings::getExposureTimeMicroseconds,
                        InspectionSettings::setExposureTimeMicroseconds);
        binder.forField(format)
                .bind(s -> s.getFormat() == null ? FORMAT_DEFAULT : s.getFormat(),
                        (s, v) -> s.setFormat(FORMAT_DEFAULT.equals(v) ? null : v));
        binder.forField(quality)
                .withValidator(new IntegerRangeValidator("From " + ImageParameters.MIN_QUALITY + " to "
                        + ImageParameters.MAX_QUALITY, ImageParameters.MIN_QUALITY, ImageParameters.MAX_QUALITY))
                .bind(InspectionSettings::getQuality, InspectionSettings::setQuality);
        binder.forField(rotationAngle).bind(InspectionSettings::getRotationAngle, InspectionSettings::setRotationAngle);
        binder.forField(rotationExpand)
                .bind(s -> Boolean.TRUE.equals(s.getRotationExpand()),
                        (s, v) -> s.setRotationExpand(Boolean.TRUE.equals(v) ? Boolean.TRUE : null));
        bindRoi(roiLeft, InspectionSettings::getRoiLeft, InspectionSettings::setRoiLeft);
        bindRoi(roiTop, InspectionSettings::getRoiTop, InspectionSettings::setRoiTop);
        bindRoi(roiRight, InspectionSettings::getRoiRight, InspectionSettings::setRoiRight);
        bindRoi(roiBottom, InspectionSettings::getRoiBottom, InspectionSettings::setRoiBottom);
        binder.forField(patternKey).bind(InspectionSettings::getPatternKey, InspectionSettings::setPatternKey);
        binder.forField(minScore)
                .withValidator(new DoubleRangeValidator("From 0 to 1", 0.0, 1.0))
                .bind(InspectionSettings::getMinScore, InspectionSettings::setMinScore);
        binder.forField(strict)
                .bind(s -> s.getStrict() == null ? STRICT_PATTERN : s.getStrict() ? STRICT_ON : STRICT_OFF,
                        (s, v) -> s.setStrict(STRICT_ON.equals(v) ? Boolean.TRUE
                                : STRICT_OFF.equals(v) ? Boolean.FALSE : null));
    }

    private void bindRoi(NumberField field, com.vaadin.flow.function.ValueProvider<InspectionSettings, Double> getter,
            com.vaadin.flow.data.binder.Setter<InspectionSettings, Double> setter) {
        binder.forField(field).withValidator(v -> v == null || v >= 0, "0 or more").bind(getter, setter);
    }

    /** Shows these settings. */
    public void read(InspectionSettings settings) {
        offerPattern(settings.getPatternKey());
        binder.readBean(settings);
        parameterValues = new LinkedHashMap<>(settings.getModelParameters());
        if (settings.getModel() != null && models.stream().anyMatch(m -> m.name().equals(settings.getModel()))) {
            model.setValue(settings.getModel());
        } else {
            defaultModel().ifPresent(m -> model.setValue(m.name()));
        }
        showParameters();
    }

    /** The settings as the form shows them, on top of {@code base}; empty (with the fields marked) when invalid. */
    public Optional<InspectionSettings> write(InspectionSettings base) {
        InspectionSettings out = base.copy();
        if (!binder.writeBeanIfValid(out)) {
            return Optional.empty();
        }
        for (HasValue<?, ? extends Number> f : parameterFields.values()) {
            if (f instanceof com.vaadin.flow.component.HasValidation v && v.isInvalid()) {
                return Optional.empty();
            }
        }
        if (!models.isEmpty()) {
            out.setModel(model.getValue());
            out.setModelParameters(changedParameters());
        }
        return Optional.of(out);
    }

    /** The backend's patterns to choose from; the default key is named in the placeholder. */
    public void setPatterns(PatternList patterns) {
        List<String> keys = patterns.patterns() == null ? List.of()
                : patterns.patterns().stream().map(PatternList.Entry::key).toList();
        String chosen = patternKey.getValue();
        patternKeys = keys;
        patternKey.setItems(keys);
        offerPattern(chosen);
        patternKey.setValue(chosen);
        patternKey.setPlaceholder(patterns.defaultKey() != null ? "default: " + patterns.defaultKey()
                : "no default pattern");
        StringBuilder note = new StringBuilder();
        if (patterns.patterns() != null) {
            for (PatternList.Entry p : patterns.patterns()) {
                if (!note.isEmpty()) {
                    note.append("; ");
                }
                note.append(p.key()).append(": ");
                note.append(p.variants() == null ? "" : String.join(", ", p.variants().stream()
                        .map(v -> v.name() + " (" + v.items() + (v.items() == 1 ? " item)" : " items)")).toList()));
                if (p.strict()) {
                    note.append(", strict");
                }
            }
        }
        if (patterns.errors() != null && !patterns.errors().isEmpty()) {
            note.append(note.isEmpty() ? "" : ". ").append("Not loaded: ").append(String.join("; ",
                    patterns.errors().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
        }
        patternNote.setText(note.toString());
        patternNote.removeClassName("error-note");
    }

    /** A key typed in or kept in the session stays choosable even when the backend does not list it. */
    private void offerPattern(String key) {
        if (key != null && !patternKeys.contains(key)) {
            List<String> keys = new ArrayList<>(patternKeys);
            keys.add(key);
            patternKeys = keys;
            patternKey.setItems(keys);
        }
    }

    public void patternsUnavailable(String message) {
        patternNote.setText("The patterns cannot be listed: " + message + " A key can still be typed in.");
        patternNote.addClassName("error-note");
    }

    /** The inference service's models, each with controls built from its parameters' types and ranges. */
    public void setModels(List<ModelManifest> available) {
        this.models = available == null ? List.of() : List.copyOf(available);
        String chosen = model.getValue();
        model.setItems(models.stream().map(ModelManifest::name).toList());
        model.setItemLabelGenerator(name -> models.stream().filter(m -> m.name().equals(name)).findFirst()
                .map(SettingsForm::modelLabel).orElse(name));
        if (chosen != null && models.stream().anyMatch(m -> m.name().equals(chosen))) {
            model.setValue(chosen);
        } else {
            defaultModel().ifPresent(m -> model.setValue(m.name()));
        }
        model.setReadOnly(false);
        modelNote.removeClassName("error-note");
        modelNote.setText("");
        showParameters();
    }

    public void modelsUnavailable(String message) {
        this.models = List.of();
        model.setItems(List.of());
        model.setReadOnly(true);
        modelParameters.removeAll();
        parameterFields.clear();
        modelNote.setText("The models cannot be listed: " + message);
        modelNote.addClassName("error-note");
    }

    private Optional<ModelManifest> defaultModel() {
        return models.stream().filter(m -> Boolean.TRUE.equals(m.isDefault())).findFirst()
                .or(() -> models.stream().findFirst());
    }

    private Optional<ModelManifest> selectedModel() {
        String name = model.getValue();
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    static String modelLabel(ModelManifest m) {
        return m.name() + (m.version() != null ? " " + m.version() : "")
                + (m.executionProvider() != null ? " on " + m.executionProvider() : "")
                + (Boolean.TRUE.equals(m.isDefault()) ? " (default)" : "");
    }

    /** One control per parameter of the selected model, with its range and step; read-only unless selectable. */
    private void showParameters() {
        modelParameters.removeAll();
        parameterFields.clear();
        Optional<ModelManifest> selected = selectedModel();
        if (selected.isEmpty() || selected.get().parameters() == null) {
            return;
        }
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("22em", 2));
        for (ModelParameter p : selected.get().parameters()) {
            Double value = parameterValues.getOrDefault(p.name(), p.defaultValue());
            String helper = p.range() + (p.description() != null ? ": " + p.description() : "");
            if (ModelParameter.INT.equals(p.type())) {
                IntegerField f = new IntegerField(p.name());
                f.setMin((int) p.min());
                f.setMax((int) p.max());
                f.setStep(p.step() == null ? 1 : Math.max(1, (int) Math.round(p.step())));
                f.setValue((int) Math.round(value));
                f.setHelperText(helper);
                setUp(f, p);
                parameterFields.put(p.name(), f);
                form.add(f);
            } else {
                NumberField f = new NumberField(p.name());
                f.setMin(p.min());
                f.setMax(p.max());
                if (p.step() != null) {
                    f.setStep(p.step());
                }
                f.setValue(value);
                f.setHelperText(helper);
                setUp(f, p);
                parameterFields.put(p.name(), f);
                form.add(f);
            }
        }
        modelParameters.add(form);
    }

    private void setUp(com.vaadin.flow.component.textfield.AbstractNumberField<?, ?> field, ModelParameter p) {
        field.setId("model-parameter-" + p.name());
        field.setStepButtonsVisible(true);
    }

    /** Parameter values that differ from the selected model's defaults. */
    private Map<String, Double> changedParameters() {
        Map<String, Double> changed = new LinkedHashMap<>();
        Optional<ModelManifest> selected = selectedModel();
        if (selected.isEmpty()) {
            return changed;
        }
        parameterFields.forEach((name, field) -> {
            ModelParameter p = selected.get().parameter(name);
            Number v = field.getValue();
            if (p != null && v != null && !Objects.equals(v.doubleValue(), p.defaultValue())) {
                changed.put(name, v.doubleValue());
            }
        });
        return changed;
    }

    /** The control of a model parameter, by its manifest name (for tests and for reading values). */
    HasValue<?, ? extends Number> parameterField(String name) {
        return parameterFields.get(name);
    }
}
