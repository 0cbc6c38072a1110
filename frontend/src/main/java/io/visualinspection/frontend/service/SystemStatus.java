package io.visualinspection.frontend.service;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Every service's status at one moment; the header's status dot shows {@link #overall()}. */
public record SystemStatus(List<ServiceStatus> services, Instant checkedAt) {

    /** The worst state of any service. */
    public ServiceStatus.State overall() {
        ServiceStatus.State worst = ServiceStatus.State.UP;
        for (ServiceStatus s : services) {
            if (s.state().ordinal() > worst.ordinal()) {
                worst = s.state();
            }
        }
        return worst;
    }

    /** One line: "All services up", or the services that are not, with why. */
    public String summary() {
        if (overall() == ServiceStatus.State.UP) {
            return "All services up";
        }
        return services.stream().filter(s -> s.state() != ServiceStatus.State.UP)
                .map(s -> s.name() + ": " + s.summary()).collect(Collectors.joining(" · "));
    }
}
