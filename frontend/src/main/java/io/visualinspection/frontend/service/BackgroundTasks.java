package io.visualinspection.frontend.service;

import com.vaadin.flow.shared.Registration;
import java.time.Duration;

/**
 * Work that must not hold up the UI: calls to other services run here, and their results reach the UI through
 * {@code UI.access} (server push).
 */
public interface BackgroundTasks {

    /** Runs the task once, off the calling thread. */
    void run(Runnable task);

    /**
     * Runs the task now and then every {@code period} after the previous run ended, off the calling thread,
     * until the registration is removed.
     */
    Registration every(Duration period, Runnable task);
}
