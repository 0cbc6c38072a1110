package io.visualinspection.frontend.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.visualinspection.frontend.service.GatewayException;
import io.visualinspection.model.InspectionRecord;
import java.util.function.Consumer;

/**
 * The operator's verdict on a part that the system judged otherwise: OK or NOK, who says so, and why. Recorded
 * with the inspection; the system's decision stays in the record beside it.
 */
public class OverruleDialog extends Dialog {

    /** Records the verdict; throws {@link GatewayException} with a message when it cannot. */
    @FunctionalInterface
    public interface Recorder {
        InspectionRecord record(boolean verdict, String operator, String comment);
    }

    final RadioButtonGroup<Boolean> verdict = new RadioButtonGroup<>();
    final TextField operator = new TextField("Operator");
    final TextArea comment = new TextArea("Comment");
    final Button save = new Button("Record verdict");
    final Button cancel = new Button("Cancel");
    final Div error = new Div();
    private final Recorder recorder;
    private final Consumer<InspectionRecord> onRecorded;

    public OverruleDialog(String inspectionId, Boolean systemDecision, String operatorName, Recorder recorder,
            Consumer<InspectionRecord> onRecorded) {
        this.recorder = recorder;
        this.onRecorded = onRecorded;
        setId("overrule-dialog");
        addClassName("overrule-dialog");
        setHeaderTitle("Overrule decision");
        setCloseOnOutsideClick(false);

        Paragraph about = new Paragraph("The system said " + Texts.decision(systemDecision) + " for inspection "
                + inspectionId + ". What is the part really?");
        about.addClassName("overrule-about");

        verdict.setId("overrule-verdict");
        verdict.addClassName("verdict-choice");
        verdict.setLabel("Operator's verdict");
        verdict.setItems(Boolean.TRUE, Boolean.FALSE);
        verdict.setItemLabelGenerator(v -> v ? "OK" : "NOK");
        verdict.setRequired(true);
        if (systemDecision != null) {
            verdict.setValue(!systemDecision);
        }

        operator.setId("overrule-operator");
        operator.setRequired(true);
        operator.setMaxLength(100);
        operator.setWidthFull();
        operator.setValue(operatorName == null ? "" : operatorName);

        comment.setId("overrule-comment");
        comment.setMaxLength(1000);
        comment.setWidthFull();
        comment.setPlaceholder("What is wrong, or why it is fine");

        error.setId("overrule-error");
        error.addClassName("error-message");
        error.setVisible(false);

        VerticalLayout body = new VerticalLayout(about, verdict, operator, comment, error);
        body.setPadding(false);
        add(body);

        save.setId("overrule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClickListener(e -> save());
        cancel.setId("overrule-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_LARGE);
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, save);
    }

    void save() {
        if (verdict.getValue() == null) {
            showError("Choose OK or NOK.");
            return;
        }
        if (operator.getValue().isBlank()) {
            operator.setInvalid(true);
            operator.setErrorMessage("Who gives the verdict?");
            showError("Enter your name.");
            return;
        }
        try {
            InspectionRecord record = recorder.record(verdict.getValue(), operator.getValue().strip(),
                    comment.getValue().isBlank() ? null : comment.getValue().strip());
            close();
            onRecorded.accept(record);
        } catch (GatewayException e) {
            showError("Not recorded: " + e.getMessage());
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
