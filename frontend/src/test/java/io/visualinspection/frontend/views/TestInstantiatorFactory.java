package io.visualinspection.frontend.views;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;

/** Builds the views and the layout with the current test's fakes, as CDI builds them with the real services. */
public class TestInstantiatorFactory implements InstantiatorFactory {

    /** The beans of the running test (tests run one after the other). */
    static UiTest.Beans beans;

    @Override
    public Instantiator createInstantitor(VaadinService service) {
        return new DefaultInstantiator(service) {
            @Override
            public <T> T getOrCreate(Class<T> type) {
                Object built = beans == null ? null : beans.create(type);
                return built != null ? type.cast(built) : super.getOrCreate(type);
            }
        };
    }
}
