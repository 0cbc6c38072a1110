package io.visualinspection.frontend.service;

import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Tasks on virtual threads; one scheduler thread only starts the repeated ones when they are due. */
@ApplicationScoped
public class ExecutorBackgroundTasks implements BackgroundTasks {

    private static final Logger LOG = Logger.getLogger(ExecutorBackgroundTasks.class);

    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ui-task-", 0).factory());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ui-scheduler").daemon().factory());

    @Override
    public void run(Runnable task) {
        workers.execute(() -> safely(task));
    }

    @Override
    public Registration every(Duration period, Runnable task) {
        Repeated repeated = new Repeated(task, Math.max(100, period.toMillis()));
        repeated.start();
        return repeated;
    }

    /** The next run is scheduled when the previous one has ended: a slow run delays the next, never overlaps it. */
    private final class Repeated implements Registration {
        private final Runnable task;
        private final long periodMs;
        private volatile boolean removed;
        private volatile ScheduledFuture<?> next;

        Repeated(Runnable task, long periodMs) {
            this.task = task;
            this.periodMs = periodMs;
        }

        void start() {
            try {
                workers.execute(() -> {
                    if (removed) {
                        return;
                    }
                    safely(task);
                    if (!removed && !scheduler.isShutdown()) {
                        next = scheduler.schedule(this::start, periodMs, TimeUnit.MILLISECONDS);
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("shutting down: repeated task not started");
            }
        }

        @Override
        public void remove() {
            removed = true;
            ScheduledFuture<?> f = next;
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    private static void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "background task failed");
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
