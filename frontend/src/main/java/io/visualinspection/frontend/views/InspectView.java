package io.visualinspection.frontend.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.visualinspection.frontend.service.BackgroundTasks;
import io.visualinspection.frontend.service.GatewayException;
import io.visualinspection.frontend.service.ImageData;
import io.visualinspection.frontend.service.InspectionGateway;
import io.visualinspection.frontend.service.InspectionSettings;
import io.visualinspection.frontend.service.SessionSettings;
import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.InspectionResult;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The operator's view: a large Trigger button (also Enter), progress while the inspection runs, a full-width
 * OK/NOK verdict with pattern and n/m items, the image annotated or as taken, the result per item, the
 * detections and the timings, and an action to overrule the decision. Errors are messages, never traces.
 *
 * <p>The inspection runs off the UI thread; its result is pushed to the browser. The Trigger button is disabled
 * while it runs, so that a second press (or Enter) does not start another.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Inspect")
public class InspectView extends VerticalLayout {

    private static final Logger LOG = Logger.getLogger(InspectView.class);
    static final int MAX_DETECTIONS_LISTED = 20;

    private final InspectionGateway inspections;
    private final SessionSettings settings;
    private final BackgroundTasks tasks;

    final Button trigger = new Button("Trigger");
    final Span settingsSummary = new Span();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span("Inspecting…");
    final Div verdict = new Div();
    final Span detail = new Span();
    final Div error = new Div();
    final Tab annotatedTab = new Tab("Annotated");
    final Tab rawTab = new Tab("As taken");
    final Tabs imageToggle = new Tabs(annotatedTab, rawTab);
    final Image image = new Image();
    final Div result = new Div();
    final H3 itemsTitle = new H3("Items");
    final UnorderedList items = new UnorderedList();
    final UnorderedList detections = new UnorderedList();
    final Span timings = new Span();
    final Span inspectionId = new Span();
    final Button overrule = new Button("Overrule decision");
    final Div overruleStatus = new Div();

    private boolean running;
    private int shown;
    private InspectionResult current;
    private ImageData drawnImage;
    private ImageData rawImage;
    private Registration settingsListener;

    public InspectView(InspectionGateway inspections, SessionSettings settings, BackgroundTasks tasks) {
        this.inspections = inspections;
        this.settings = settings;
        this.tasks = tasks;
        addClassName("inspect-view");
        setWidthFull();

        trigger.setId("trigger");
        trigger.addClassName("trigger");
        trigger.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        trigger.addClickShortcut(Key.ENTER);
        trigger.setDisableOnClick(true);
        trigger.addClickListener(e -> runInspection());
        trigger.setTooltipText("Inspect the part now (Enter)");
        settingsSummary.setId("settings-summary");
        settingsSummary.addClassName("settings-summary");
        settingsSummary.setText(settings.current().summary());

        progress.setId("progress");
        progress.setIndeterminate(true);
        progress.addClassName("inspect-progress");
        progressText.setId("progress-text");
        progressText.addClassName("progress-text");
        Div progressBox = new Div(progress, progressText);
        progressBox.addClassName("progress-box");
        progress.setVisible(false);
        progressText.setVisible(false);

        verdict.setId("verdict");
        verdict.addClassName("verdict");
        verdict.setText("Press Trigger to inspect");
        detail.setId("verdict-detail");
        detail.addClassName("verdict-detail");
        error.setId("error");
        error.addClassName("error-message");
        error.setVisible(false);

        annotatedTab.setId("show-annotated");
        rawTab.setId("show-raw");
        imageToggle.setId("image-toggle");
        imageToggle.addClassName("image-toggle");
        imageToggle.addSelectedChangeListener(e -> showImage());
        image.setId("result-image");
        image.addClassName("result-image");
        image.setAlt("Inspected image with the result drawn on it");
        Div imageBox = new Div(imageToggle, image);
        imageBox.addClassName("image-box");

        itemsTitle.addClassName("panel-title");
        items.setId("items");
        items.addClassName("item-list");
        H3 detectionsTitle = new H3("Detections");
        detectionsTitle.addClassName("panel-title");
        detections.setId("detections");
        detections.addClassName("detection-list");
        H3 timingsTitle = new H3("Timings");
        timingsTitle.addClassName("panel-title");
        timings.setId("timings");
        timings.addClassName("timings");
        inspectionId.setId("inspection-id");
        inspectionId.addClassName("inspection-id");
        overrule.setId("overrule");
        overrule.addClassName("overrule-button");
        overrule.addThemeVariants(ButtonVariant.LUMO_LARGE);
        overrule.addClickListener(e -> openOverrule());
        overruleStatus.setId("overrule-status");
        overruleStatus.addClassName("overrule-status");
        overruleStatus.setVisible(false);
        Div side = new Div(itemsTitle, items, detectionsTitle, detections, timingsTitle, timings, inspectionId,
                overrule, overruleStatus);
        side.addClassName("result-side");

        result.setId("result");
        result.addClassName("result-panel");
        result.add(imageBox, side);
        result.setVisible(false);

        Div triggerRow = new Div(trigger, settingsSummary);
        triggerRow.addClassName("trigger-row");
        add(triggerRow, progressBox, verdict, detail, error, result);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        settingsListener = ComponentUtil.addListener(event.getUI(), SettingsChanged.class,
                e -> settingsSummary.setText(settings.current().summary()));
        settingsSummary.setText(settings.current().summary());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (settingsListener != null) {
            settingsListener.remove();
            settingsListener = null;
        }
        super.onDetach(event);
    }

    /** Starts an inspection unless one is running; the result arrives later through {@link UI#access}. */
    void runInspection() {
        if (running) {
            return;
        }
        UI ui = UI.getCurrent();
        running = true;
        trigger.setEnabled(false);
        progress.setVisible(true);
        progressText.setVisible(true);
        InspectionSettings with = settings.current();
        tasks.run(() -> {
            InspectionResult outcome = null;
            String failure = null;
            try {
                outcome = inspections.trigger(with);
            } catch (GatewayException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                LOG.errorf(e, "inspection failed unexpectedly");
                failure = "The inspection failed unexpectedly. The UI's log has the details.";
            }
            InspectionResult r = outcome;
            String f = failure;
            UiAccess.access(ui, () -> {
                if (r != null) {
                    show(r);
                } else {
                    showError(f);
                }
                finished();
            });
        });
    }

    private void finished() {
        running = false;
        progress.setVisible(false);
        progressText.setVisible(false);
        trigger.setEnabled(true);
    }

    boolean isRunning() {
        return running;
    }

    void show(InspectionResult r) {
        markShown();
        current = r;
        error.setVisible(false);
        verdict.removeClassNames("ok", "nok", "none", "failed");
        verdict.setText(Texts.decision(r.decision()));
        verdict.addClassName(Texts.decisionClass(r.decision()));
        String text = Texts.pattern(r);
        if (r.timingsMs() != null && r.timingsMs().get("total") != null) {
            text += " · " + Texts.ms(r.timingsMs().get("total"));
        }
        detail.setText(text);

        drawnImage = r.images() == null ? null : ImageData.ofBase64(r.images().imgDrawn());
        rawImage = r.images() == null ? null : ImageData.ofBase64(r.images().img());
        imageToggle.setSelectedTab(annotatedTab);
        rawTab.setEnabled(rawImage != null);
        showImage();

        showItems(r);
        showDetections(r);
        timings.setText(Texts.timings(r.timingsMs()));
        inspectionId.setText(r.inspectionId() == null ? "" : "Inspection " + r.inspectionId());
        overrule.setVisible(r.inspectionId() != null);
        overruleStatus.setVisible(false);
        result.setVisible(true);
    }

    private void showImage() {
        boolean raw = imageToggle.getSelectedTab() == rawTab;
        ImageData data = raw ? rawImage : drawnImage;
        if (data == null) {
            image.setVisible(false);
            return;
        }
        image.setSrc(data.dataUrl());
        image.getElement().setAttribute("data-variant", raw ? "raw" : "annotated");
        image.setAlt(raw ? "Inspected image as taken" : "Inspected image with the result drawn on it");
        image.setVisible(true);
    }

    private void showItems(InspectionResult r) {
        items.removeAll();
        List<Boolean> lg = r.patternLg();
        if (r.patternKey() == null || lg == null) {
            itemsTitle.setText("Items");
            items.add(item(r.reason() != null ? r.reason() : "No pattern was checked.", "item-none"));
            return;
        }
        itemsTitle.setText("Items of " + (r.patternName() != null ? r.patternName() : r.patternKey()) + " ("
                + r.matchedItems() + "/" + r.totalItems() + ")");
        for (int i = 0; i < lg.size(); i++) {
            boolean found = Boolean.TRUE.equals(lg.get(i));
            items.add(item((found ? "✔ " : "✘ ") + "Item " + (i + 1) + ": " + (found ? "found" : "missing"),
                    found ? "item-found" : "item-missing"));
        }
        if (r.decision() != null && !r.decision() && r.reason() != null) {
            items.add(item(r.reason(), "item-reason"));
        }
    }

    private void showDetections(InspectionResult r) {
        detections.removeAll();
        InspectionResult.Results res = r.results();
        if (res == null || res.scores() == null || res.scores().isEmpty()) {
            detections.add(item("Nothing detected.", "item-none"));
            return;
        }
        double min = r.minScore() == null ? 0 : r.minScore();
        int n = res.scores().size();
        for (int i = 0; i < Math.min(n, MAX_DETECTIONS_LISTED); i++) {
            String name = res.classNames() != null && i < res.classNames().size() ? res.classNames().get(i)
                    : res.classIds() != null && i < res.classIds().size() ? "class " + res.classIds().get(i) : "?";
            float score = res.scores().get(i);
            boolean counted = score >= min;
            detections.add(item(String.format(Locale.ROOT, "%s %.2f%s", name, score,
                    counted ? "" : " (below min score)"), counted ? "detection-counted" : "detection-ignored"));
        }
        if (n > MAX_DETECTIONS_LISTED) {
            detections.add(item("… and " + (n - MAX_DETECTIONS_LISTED) + " more", "item-none"));
        }
    }

    private static ListItem item(String text, String className) {
        ListItem li = new ListItem(text);
        li.addClassName(className);
        return li;
    }

    /** Counts results shown, so that tests and kiosks can tell a new result from a repeated verdict. */
    private void markShown() {
        verdict.getElement().setAttribute("data-shown", String.valueOf(++shown));
    }

    void showError(String message) {
        markShown();
        current = null;
        verdict.removeClassNames("ok", "nok", "none");
        verdict.addClassName("failed");
        verdict.setText("NOT INSPECTED");
        detail.setText("");
        error.setText(message);
        error.setVisible(true);
        result.setVisible(false);
    }

    void openOverrule() {
        InspectionResult r = current;
        if (r == null || r.inspectionId() == null) {
            return;
        }
        new OverruleDialog(r.inspectionId(), r.decision(), settings.operator(),
                (v, operator, comment) -> inspections.overrule(r.inspectionId(), v, operator, comment),
                this::overruled).open();
    }

    private void overruled(InspectionRecord record) {
        if (record.overrule() == null) {
            return;
        }
        settings.rememberOperator(record.overrule().operator());
        overruleStatus.setText("Operator verdict recorded: " + Texts.overrule(record.overrule()));
        overruleStatus.removeClassNames("ok", "nok");
        overruleStatus.addClassName(record.overrule().verdict() ? "ok" : "nok");
        overruleStatus.setVisible(true);
        Notification n = Notification.show("Verdict recorded with inspection " + record.id(), 4000,
                Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
