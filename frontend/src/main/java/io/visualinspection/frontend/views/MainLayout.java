package io.visualinspection.frontend.views;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.visualinspection.frontend.config.UiConfig;

/** Header with the system and line name, and the navigation drawer. */
public class MainLayout extends AppLayout {

    public MainLayout(UiConfig config) {
        H1 title = new H1(config.title());
        title.addClassName("app-title");
        Span line = new Span(config.line());
        line.setId("line-name");
        line.addClassName("line-name");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, line);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("app-header");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Inspect", InspectView.class));
        addToDrawer(nav);
        config.footer().ifPresent(text -> {
            Footer footer = new Footer(new Span(text));
            footer.setId("footer");
            footer.addClassName("app-footer");
            addToDrawer(footer);
        });
    }
}
