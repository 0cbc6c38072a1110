package io.visualinspection.frontend;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page shell: Lumo plus the operator styles (large touch targets, full-width verdict), and server push, so
 * that results of work done in the background (inspections, status checks, new history entries) reach the
 * browser as soon as they are there.
 *
 * <p>Push uses long polling, not a websocket: on Quarkus a websocket is opened on the Vert.x event loop, which
 * then waits for the Vaadin session lock; a background push holding that lock waits for the same event loop to
 * send its message, and both hang. Long-polling requests are ordinary servlet requests on worker threads.
 */
@Push(transport = Transport.LONG_POLLING)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@PWA(name = "Visual inspection", shortName = "Inspection")
public class AppShell implements AppShellConfigurator {
}
