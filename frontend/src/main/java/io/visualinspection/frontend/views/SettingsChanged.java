package io.visualinspection.frontend.views;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the session's inspection settings were applied, so that views showing them refresh. */
public class SettingsChanged extends ComponentEvent<UI> {

    public SettingsChanged(UI source) {
        super(source, false);
    }
}
