package io.visualinspection.frontend.views;

import com.vaadin.flow.shared.Registration;
import io.visualinspection.frontend.service.BackgroundTasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Background tasks that run when the test says so: what is queued, and each repeated task once per tick. */
final class ManualTasks implements BackgroundTasks {

    final List<Runnable> queued = new ArrayList<>();
    final List<Repeated> repeated = new ArrayList<>();

    static final class Repeated {
        final Duration period;
        final Runnable task;
        boolean removed;

        Repeated(Duration period, Runnable task) {
            this.period = period;
            this.task = task;
        }
    }

    @Override
    public void run(Runnable task) {
        queued.add(task);
    }

    @Override
    public Registration every(Duration period, Runnable task) {
        Repeated r = new Repeated(period, task);
        repeated.add(r);
        return () -> r.removed = true;
    }

    /** Runs what is queued (and what those tasks queue). */
    void runQueued() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }

    /** Runs every repeated task that is still registered, once. */
    void tick() {
        for (Repeated r : List.copyOf(repeated)) {
            if (!r.removed) {
                r.task.run();
            }
        }
    }

    long active() {
        return repeated.stream().filter(r -> !r.removed).count();
    }
}
