package io.visualinspection.frontend.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import io.visualinspection.frontend.config.UiConfig;
import io.visualinspection.frontend.service.BackgroundTasks;
import io.visualinspection.frontend.service.LineSetupGateway;
import io.visualinspection.frontend.service.ServiceStatus.State;
import io.visualinspection.frontend.service.SessionSettings;
import io.visualinspection.frontend.service.StatusGateway;
import io.visualinspection.frontend.service.SystemStatus;
import java.util.Locale;

/**
 * Header with the system and line name, a live status dot and the settings; the navigation drawer; and a
 * footer with the configured text and the status of the services. The status is checked in the background
 * every {@code ui.status.refresh-interval} and pushed to the browser.
 */
public class MainLayout extends AppLayout {

    private final UiConfig config;
    private final StatusGateway status;
    private final BackgroundTasks tasks;
    private final SessionSettings settings;
    private final LineSetupGateway setup;

    final Span statusDot = new Span();
    final Span statusLabel = new Span("Checking…");
    final Button settingsButton = new Button("Settings", VaadinIcon.COG.create());
    final Span footerStatus = new Span();
    private final Div page = new Div();
    private final Footer footer = new Footer();
    private Registration statusChecks;

    public MainLayout(UiConfig config, StatusGateway status, BackgroundTasks tasks, SessionSettings settings,
            LineSetupGateway setup) {
        this.config = config;
        this.status = status;
        this.tasks = tasks;
        this.settings = settings;
        this.setup = setup;

        H1 title = new H1(config.title());
        title.addClassName("app-title");
        Span line = new Span(config.line());
        line.setId("line-name");
        line.addClassName("line-name");

        statusDot.setId("status-dot");
        statusDot.addClassNames("status-dot", "unknown");
        statusLabel.setId("status-label");
        statusLabel.addClassName("status-label");
        RouterLink statusLink = new RouterLink(StatusView.class);
        statusLink.add(statusDot, statusLabel);
        statusLink.setId("status-link");
        statusLink.addClassName("status-link");

        settingsButton.setId("settings-button");
        settingsButton.addClassName("settings-button");
        settingsButton.addThemeVariants(ButtonVariant.LUMO_LARGE);
        settingsButton.addClickListener(e -> openSettings());

        Span spacer = new Span();
        spacer.addClassName("header-spacer");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, line, spacer, statusLink,
                settingsButton);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("app-header");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Inspect", InspectView.class, VaadinIcon.CAMERA.create()));
        nav.addItem(new SideNavItem("History", HistoryView.class, VaadinIcon.LIST.create()));
        nav.addItem(new SideNavItem("Status", StatusView.class, VaadinIcon.HEART.create()));
        nav.addClassName("app-nav");
        addToDrawer(nav);

        footer.setId("footer");
        footer.addClassName("app-footer");
        config.footer().ifPresent(text -> {
            Span footerText = new Span(text);
            footerText.setId("footer-text");
            footer.add(footerText);
        });
        footerStatus.setId("footer-status");
        footerStatus.addClassName("footer-status");
        footer.add(footerStatus);
        page.addClassName("app-page");
        page.add(footer);
        setContent(page);
    }

    /** The view above the footer, so that the footer shows on every view and every screen size. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        Component view = content.getElement().getComponent().orElseThrow();
        page.removeAll();
        page.add(view, footer);
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        page.removeAll();
        page.add(footer);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        statusChecks = tasks.every(config.status().refreshInterval(), () -> {
            SystemStatus s = status.status();
            UiAccess.access(ui, () -> showStatus(s));
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (statusChecks != null) {
            statusChecks.remove();
            statusChecks = null;
        }
        super.onDetach(event);
    }

    void showStatus(SystemStatus s) {
        String state = s.overall().name().toLowerCase(Locale.ROOT);
        statusDot.removeClassNames("unknown", "up", "degraded", "down");
        statusDot.addClassName(state);
        statusDot.getElement().setAttribute("data-state", state);
        statusDot.getElement().setAttribute("title", s.summary());
        statusLabel.setText(s.overall() == State.UP ? "All services up"
                : s.overall() == State.DOWN ? "Service down" : "Check status");
        footerStatus.setText(s.summary() + " · checked " + Texts.time(s.checkedAt()));
    }

    void openSettings() {
        UI ui = UI.getCurrent();
        new SettingsDrawer(settings, setup, () -> ComponentUtil.fireEvent(ui, new SettingsChanged(ui))).open();
    }
}
