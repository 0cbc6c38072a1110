package io.visualinspection.frontend.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import io.visualinspection.frontend.client.InspectionPage;
import io.visualinspection.frontend.config.UiConfig;
import io.visualinspection.frontend.service.BackgroundTasks;
import io.visualinspection.frontend.service.GatewayException;
import io.visualinspection.frontend.service.HistoryGateway;
import io.visualinspection.frontend.service.HistoryGateway.DecisionFilter;
import io.visualinspection.frontend.service.ImageData;
import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.InspectionResult;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The recent inspections, newest first, with a thumbnail of each drawn image, filtered by decision (the
 * operator's when overruled). Pages are fetched from the backend as the grid scrolls. The backend is asked
 * for its newest inspection every {@code ui.history.refresh-interval}; when one has arrived (from this UI, another
 * station or a line controller), the list refreshes and the change is pushed to the browser.
 */
@Route(value = "history", layout = MainLayout.class)
@PageTitle("History")
public class HistoryView extends VerticalLayout {

    private final HistoryGateway history;
    private final BackgroundTasks tasks;
    private final Duration refreshInterval;

    final Tab allTab = new Tab("All");
    final Tab okTab = new Tab("OK");
    final Tab nokTab = new Tab("NOK");
    final Tabs filter = new Tabs(allTab, okTab, nokTab);
    final Span count = new Span();
    final Span updated = new Span();
    final Div error = new Div();
    final Grid<InspectionRecord> grid = new Grid<>();
    private final CallbackDataProvider<InspectionRecord, Void> data;
    private volatile DecisionFilter decision = DecisionFilter.ALL;
    private String newestSeen;
    private int totalSeen = -1;
    private Registration refreshes;

    public HistoryView(HistoryGateway history, BackgroundTasks tasks, UiConfig config) {
        this.history = history;
        this.tasks = tasks;
        this.refreshInterval = config.history().refreshInterval();
        addClassName("history-view");
        setSizeFull();

        H2 title = new H2("History");
        title.addClassName("view-title");
        allTab.setId("filter-all");
        okTab.setId("filter-ok");
        nokTab.setId("filter-nok");
        filter.setId("decision-filter");
        filter.addClassName("decision-filter");
        filter.addSelectedChangeListener(e -> setDecision(e.getSelectedTab() == okTab ? DecisionFilter.OK
                : e.getSelectedTab() == nokTab ? DecisionFilter.NOK : DecisionFilter.ALL));
        count.setId("history-count");
        count.addClassName("history-count");
        updated.setId("history-updated");
        updated.addClassName("history-updated");
        Div bar = new Div(title, filter, count, updated);
        bar.addClassName("history-bar");

        error.setId("history-error");
        error.addClassName("error-message");
        error.setVisible(false);

        grid.setId("history-grid");
        grid.addClassName("history-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(this::thumbnail).setHeader("Image").setWidth("130px").setFlexGrow(0);
        grid.addComponentColumn(HistoryView::timeLink).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(HistoryView::decisionChip).setHeader("Decision").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Texts.pattern(r.result())).setHeader("Pattern · items").setFlexGrow(1);
        grid.addColumn(r -> total(r.result())).setHeader("Duration").setAutoWidth(true).setFlexGrow(0);
        grid.setPageSize(25);
        grid.addItemClickListener(e -> open(e.getItem()));
        data = DataProvider.fromCallbacks(
                query -> fetch(query.getOffset(), query.getLimit()),
                query -> count());
        grid.setItems(data);
        grid.setSizeFull();

        add(bar, error, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        refreshes = tasks.every(refreshInterval, () -> checkForNew(ui));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (refreshes != null) {
            refreshes.remove();
            refreshes = null;
        }
        super.onDetach(event);
    }

    void setDecision(DecisionFilter d) {
        decision = d;
        newestSeen = null;
        totalSeen = -1;
        data.refreshAll();
    }

    /** Asks the backend for the newest inspection; refreshes the list when it is not the one shown. */
    void checkForNew(UI ui) {
        DecisionFilter d = decision;
        InspectionPage top;
        try {
            top = history.recent(d, 0, 1);
        } catch (GatewayException e) {
            UiAccess.access(ui, () -> showError(e.getMessage()));
            return;
        }
        String newest = top.items().isEmpty() ? null : top.items().get(0).id();
        int total = top.total();
        UiAccess.access(ui, () -> {
            if (d != decision) {
                return;
            }
            error.setVisible(false);
            if (!Objects.equals(newest, newestSeen) || total != totalSeen) {
                newestSeen = newest;
                totalSeen = total;
                data.refreshAll();
            }
            updated.setText("Updated " + Texts.time(Instant.now()));
        });
    }

    private Stream<InspectionRecord> fetch(int offset, int limit) {
        try {
            InspectionPage page = history.recent(decision, offset, limit);
            error.setVisible(false);
            if (offset == 0 && !page.items().isEmpty()) {
                newestSeen = page.items().get(0).id();
            }
            return page.items().stream();
        } catch (GatewayException e) {
            showError(e.getMessage());
            return Stream.empty();
        }
    }

    private int count() {
        try {
            InspectionPage page = history.recent(decision, 0, 1);
            totalSeen = page.total();
            count.setText(page.total() == 1 ? "1 inspection" : page.total() + " inspections");
            return page.total();
        } catch (GatewayException e) {
            showError(e.getMessage());
            count.setText("");
            return 0;
        }
    }

    private void showError(String message) {
        error.setText("The history cannot be shown: " + message);
        error.setVisible(true);
    }

    void open(InspectionRecord record) {
        getUI().ifPresent(ui -> ui.navigate(InspectionDetailView.class, new RouteParameters("id", record.id())));
    }

    private Component thumbnail(InspectionRecord record) {
        String id = record.id();
        Image image = new Image(DownloadHandler.fromInputStream(event -> {
            Optional<ImageData> t;
            try {
                t = history.thumbnail(id);
            } catch (GatewayException e) {
                return DownloadResponse.error(502);
            }
            return t.map(d -> new DownloadResponse(new ByteArrayInputStream(d.bytes()), id + ".jpg", d.mediaType(),
                    d.bytes().length)).orElseGet(() -> DownloadResponse.error(404));
        }), "Inspection " + id);
        image.addClassName("thumbnail");
        return image;
    }

    private static Component timeLink(InspectionRecord record) {
        RouterLink link = new RouterLink(Texts.dateTime(record.result().timestamp()), InspectionDetailView.class,
                new RouteParameters("id", record.id()));
        link.addClassName("history-time");
        return link;
    }

    static Component decisionChip(InspectionRecord record) {
        Boolean d = record.finalDecision();
        Span chip = new Span(Texts.decision(d) + (record.overrule() != null ? " (overruled)" : ""));
        chip.addClassNames("decision-chip", Texts.decisionClass(d));
        chip.getElement().setAttribute("data-inspection-id", record.id());
        return chip;
    }

    private static String total(InspectionResult r) {
        Double total = r.timingsMs() == null ? null : r.timingsMs().get("total");
        return total == null ? "" : Texts.ms(total);
    }
}
