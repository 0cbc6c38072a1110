package io.visualinspection.frontend.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.visualinspection.frontend.config.UiConfig;
import io.visualinspection.frontend.service.BackgroundTasks;
import io.visualinspection.frontend.service.ServiceStatus;
import io.visualinspection.frontend.service.StatusGateway;
import io.visualinspection.frontend.service.SystemStatus;
import io.visualinspection.frontend.service.Upstream;
import io.visualinspection.model.manifest.ModelManifest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The health of the camera adapter, the inference service (its models, versions and where they run) and the
 * backend, each up, degraded or down with the reason; links to the dashboards and to each service's API docs.
 * Checked in the background when shown, every {@code ui.status.refresh-interval}, and on Refresh.
 */
@Route(value = "status", layout = MainLayout.class)
@PageTitle("Status")
public class StatusView extends VerticalLayout {

    private final StatusGateway status;
    private final BackgroundTasks tasks;
    private final UiConfig config;

    final Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create());
    final Span checked = new Span("Checking…");
    final Div cards = new Div();
    final Div links = new Div();
    private Registration checks;

    public StatusView(StatusGateway status, BackgroundTasks tasks, UiConfig config) {
        this.status = status;
        this.tasks = tasks;
        this.config = config;
        addClassName("status-view");
        setWidthFull();

        H2 title = new H2("System status");
        title.addClassName("view-title");
        refresh.setId("status-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_LARGE);
        refresh.addClickListener(e -> refreshNow());
        checked.setId("status-checked");
        checked.addClassName("status-checked");
        Div bar = new Div(title, refresh, checked);
        bar.addClassName("status-bar");

        cards.setId("status-cards");
        cards.addClassName("status-cards");
        links.setId("status-links");
        links.addClassName("status-links");
        H3 linksTitle = new H3("Monitoring");
        linksTitle.addClassName("panel-title");
        // The provisioned dashboards by their fixed uids (monitoring/grafana/dashboards/), one click each.
        String grafana = config.links().grafana().replaceAll("/+$", "");
        links.add(linksTitle, link("link-prometheus", "Prometheus", config.links().prometheus()),
                link("link-grafana", "Line overview", grafana + "/d/vi-line-overview"),
                link("link-grafana-performance", "Performance", grafana + "/d/vi-performance"),
                link("link-grafana-jvm", "JVM and system", grafana + "/d/vi-jvm"));
        add(bar, cards, links);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        checks = tasks.every(config.status().refreshInterval(), () -> {
            SystemStatus s = status.status();
            UiAccess.access(ui, () -> show(s));
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (checks != null) {
            checks.remove();
            checks = null;
        }
        super.onDetach(event);
    }

    void refreshNow() {
        UI ui = UI.getCurrent();
        refresh.setEnabled(false);
        checked.setText("Checking…");
        tasks.run(() -> {
            SystemStatus s = status.status();
            UiAccess.access(ui, () -> {
                show(s);
                refresh.setEnabled(true);
            });
        });
    }

    void show(SystemStatus s) {
        cards.removeAll();
        for (ServiceStatus service : s.services()) {
            cards.add(card(service));
        }
        checked.setText("Checked " + Texts.time(s.checkedAt()));
    }

    private Component card(ServiceStatus s) {
        String key = s.service().name().toLowerCase(Locale.ROOT);
        Card card = new Card();
        card.setId("status-" + key);
        card.addClassNames("status-card", "state-" + s.state().name().toLowerCase(Locale.ROOT));
        card.setTitle(s.name());
        Span state = new Span(s.state().name());
        state.setId("status-" + key + "-state");
        state.addClassNames("state-chip", s.state().name().toLowerCase(Locale.ROOT));
        card.setHeaderSuffix(state);
        card.setSubtitle(s.url());

        Paragraph summary = new Paragraph(s.summary());
        summary.setId("status-" + key + "-summary");
        summary.addClassName("status-summary");
        card.add(summary);
        if (!s.models().isEmpty()) {
            card.add(models(s));
        }
        for (Map.Entry<String, Map<String, String>> check : s.details().entrySet()) {
            if (check.getValue().isEmpty()) {
                continue;
            }
            DescriptionList dl = new DescriptionList();
            dl.addClassName("status-details");
            check.getValue().forEach((k, v) -> dl.add(new DescriptionList.Term(k), new DescriptionList.Description(v)));
            H3 name = new H3(check.getKey());
            name.addClassName("status-check");
            card.add(name, dl);
        }
        card.addToFooter(link("link-" + key + "-api", "API (Swagger UI)", apiLink(s.service(), s.url())));
        return card;
    }

    private static Component models(ServiceStatus s) {
        UnorderedList list = new UnorderedList();
        list.setId("status-models");
        list.addClassName("model-list");
        for (ModelManifest m : s.models()) {
            StringBuilder text = new StringBuilder(m.name());
            if (m.version() != null) {
                text.append(" ").append(m.version());
            }
            if (m.executionProvider() != null) {
                text.append(" on ").append(m.executionProvider());
            }
            if (m.executionProviderFallback() != null) {
                text.append(" (").append(m.executionProviderFallback()).append(")");
            }
            if (Boolean.TRUE.equals(m.isDefault())) {
                text.append(" · default");
            }
            list.add(new ListItem(text.toString()));
        }
        return list;
    }

    private String apiLink(Upstream service, String url) {
        Optional<String> configured = switch (service) {
            case BACKEND -> config.links().backendApi();
            case INFERENCE -> config.links().inferenceApi();
            case CAMERA -> config.links().cameraApi();
        };
        return configured.orElse(stripSlash(url) + "/q/swagger-ui");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Anchor link(String id, String text, String href) {
        Anchor a = new Anchor(href, text, AnchorTarget.BLANK);
        a.setId(id);
        a.addClassName("status-link-button");
        return a;
    }
}
