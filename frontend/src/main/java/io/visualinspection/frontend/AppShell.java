package io.visualinspection.frontend;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page shell: Lumo plus the operator styles (large touch targets, full-width verdict). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@PWA(name = "Visual inspection", shortName = "Inspection")
public class AppShell implements AppShellConfigurator {
}
