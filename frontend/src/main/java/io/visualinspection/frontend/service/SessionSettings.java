package io.visualinspection.frontend.service;

import com.vaadin.quarkus.annotation.VaadinSessionScoped;
import io.visualinspection.frontend.config.UiConfig;
import jakarta.inject.Inject;
import java.io.Serializable;

/**
 * The settings of one browser session: what its inspections are triggered with, and the operator name last
 * used for an overrule. Every tab of the session shares them; a new session starts from {@code ui.inspection.*}.
 */
@VaadinSessionScoped
public class SessionSettings implements Serializable {

    private final InspectionSettings defaults;
    private InspectionSettings current;
    private String operator;

    @Inject
    SessionSettings(UiConfig config) {
        this(InspectionSettings.from(config.inspection()));
    }

    public SessionSettings(InspectionSettings defaults) {
        this.defaults = defaults.copy();
        this.current = defaults.copy();
    }

    /** A copy of the settings in force; change it and {@link #apply} it. */
    public synchronized InspectionSettings current() {
        return current.copy();
    }

    public synchronized void apply(InspectionSettings settings) {
        this.current = settings.copy();
    }

    /** The configured defaults, as a copy. */
    public InspectionSettings defaults() {
        return defaults.copy();
    }

    public synchronized String operator() {
        return operator;
    }

    public synchronized void rememberOperator(String name) {
        this.operator = name == null || name.isBlank() ? null : name.strip();
    }
}
