package io.visualinspection.frontend.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import io.visualinspection.frontend.UiErrorHandling;
import io.visualinspection.frontend.service.GatewayException;
import org.junit.jupiter.api.Test;

/** Failures no view handled: a short message for the operator, never a trace. */
class UiErrorHandlingTest extends UiTest {

    String shown(Throwable t) {
        navigate(InspectView.class);
        new UiErrorHandling().error(new ErrorEvent(t));
        MockVaadin.runUIQueue();
        return test($(Notification.class).last()).getText();
    }

    @Test
    void aServiceFailureShowsItsMessage() {
        assertThat(shown(new IllegalStateException(new GatewayException("The inference service cannot be reached. "
                + "Check that it is running.", null)))).isEqualTo("The inference service cannot be reached. Check that "
                        + "it is running.");
    }

    @Test
    void anythingElseIsAGeneralMessage() {
        assertThat(shown(new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null")))
                .isEqualTo("Something went wrong in the operator UI. Try again; the UI's log has the details.");
    }
}
