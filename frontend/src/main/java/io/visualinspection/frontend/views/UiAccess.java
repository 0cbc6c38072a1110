package io.visualinspection.frontend.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

/** Brings a background task's result into a UI (pushed to the browser); a closed UI is simply skipped. */
final class UiAccess {

    private UiAccess() {
    }

    static void access(UI ui, Command command) {
        if (ui == null || ui.isClosing()) {
            return;
        }
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // the browser tab is gone: nobody to show it to
        }
    }
}
