package io.visualinspection.frontend.views;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import io.visualinspection.frontend.config.UiConfig;
import io.visualinspection.frontend.service.InspectionSettings;
import io.visualinspection.frontend.service.SessionSettings;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * The views without a browser, with fake gateways and background tasks that run when the test says so. Routes
 * are discovered from the views package; views and layout are built with the fakes (see
 * {@link TestInstantiatorFactory}), so that {@code navigate} works as in the application.
 */
abstract class UiTest extends BrowserlessTest {

    final Fakes.Inspections inspections = new Fakes.Inspections();
    final Fakes.History history = new Fakes.History();
    final Fakes.Setup setup = new Fakes.Setup();
    final Fakes.Status status = new Fakes.Status();
    final ManualTasks tasks = new ManualTasks();
    UiConfig config = Samples.config("ui.line", "Line 7", "ui.footer", "Plant 2 · hotline 1234");
    SessionSettings session = new SessionSettings(new InspectionSettings());

    /** What the application's CDI container would inject. */
    final class Beans {
        Object create(Class<?> type) {
            if (type == MainLayout.class) {
                return new MainLayout(config, status, tasks, session, setup);
            }
            if (type == InspectView.class) {
                return new InspectView(inspections, session, tasks);
            }
            if (type == HistoryView.class) {
                return new HistoryView(history, tasks, config);
            }
            if (type == InspectionDetailView.class) {
                return new InspectionDetailView(history, inspections, session);
            }
            if (type == StatusView.class) {
                return new StatusView(status, tasks, config);
            }
            return null;
        }
    }

    @Override
    protected Set<String> scanPackages() {
        return Set.of("io.visualinspection.frontend.views");
    }

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(TestInstantiatorFactory.class);
    }

    /** Before the Vaadin environment starts, in case it navigates at once. */
    UiTest() {
        TestInstantiatorFactory.beans = new Beans();
    }

    @AfterEach
    void forgetBeans() {
        TestInstantiatorFactory.beans = null;
    }

    /** Runs the queued background work and brings its results into the UI, as push would. */
    void runBackground() {
        tasks.runQueued();
        MockVaadin.runUIQueue();
    }

    /** One round of the repeated background work (status checks, history refreshes). */
    void tick() {
        tasks.tick();
        MockVaadin.runUIQueue();
    }
}
