package io.visualinspection.inference.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visualinspection.inference.service.AdmissionLimiter.Admission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who runs when, and on how many cores: a lone request on all, requests that meet others on one each. */
class AdmissionLimiterTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aRequestThatFindsTheServiceIdleRunsOnEveryCore() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 2, true, 16);
        assertThat(limiter.splits()).isTrue();
        Admission first = limiter.acquire();
        assertThat(first.oneCore()).isFalse();
        assertThat(first.waitedNanos()).isZero();
        limiter.release(first);
        Admission again = limiter.acquire();
        assertThat(again.oneCore()).as("idle again after the release").isFalse();
        limiter.release(again);
    }

    @Test
    void requestsThatMeetARunWaitForItThenRunSideBySideOnOneCoreEach() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 2, true, 16);
        List<Admission> sideBySide = twoWaitingForARunOnEveryCore(limiter);
        Admission b = sideBySide.get(0);
        Admission c = sideBySide.get(1);
        assertThat(b.oneCore()).isTrue();
        assertThat(c.oneCore()).as("admitted while b still runs").isTrue();
        assertThat(b.waitedNanos()).isPositive();
        Future<Admission> fourth = threads.submit(limiter::acquire);
        awaitWaiting(limiter, 1);
        limiter.release(b);
        Admission d = fourth.get(5, TimeUnit.SECONDS);
        assertThat(d.oneCore()).as("it waited, and c still runs").isTrue();
        limiter.release(c);
        limiter.release(d);
        assertThat(limiter.acquire().oneCore()).as("idle again").isFalse();
    }

    @Test
    void aRequestArrivingBesideAOneCoreRunTakesTheFreeCoreAtOnce() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 2, true, 16);
        List<Admission> sideBySide = twoWaitingForARunOnEveryCore(limiter);
        limiter.release(sideBySide.get(0));
        Admission arriving = limiter.acquire();
        assertThat(arriving.oneCore()).isTrue();
        assertThat(arriving.waitedNanos()).isZero();
        limiter.release(sideBySide.get(1));
        limiter.release(arriving);
    }

    /** A run on every core, two requests waiting for it; returns their admissions once it has ended. */
    private List<Admission> twoWaitingForARunOnEveryCore(AdmissionLimiter limiter) throws Exception {
        Admission alone = limiter.acquire();
        Future<Admission> a = threads.submit(limiter::acquire);
        Future<Admission> b = threads.submit(limiter::acquire);
        awaitWaiting(limiter, 2);
        assertThat(a.isDone() || b.isDone()).as("a run on every core shares none").isFalse();
        limiter.release(alone);
        return List.of(a.get(5, TimeUnit.SECONDS), b.get(5, TimeUnit.SECONDS));
    }

    @Test
    void waitingRequestsAreAdmittedInTheOrderTheyCame() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 1, true, 16);
        assertThat(limiter.splits()).as("one intra-op thread: nothing to split").isFalse();
        Admission running = limiter.acquire();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Future<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int id = i;
            waiting.add(threads.submit(() -> {
                Admission a = limiter.acquire();
                order.add(id);
                limiter.release(a);
                return null;
            }));
            awaitWaiting(limiter, i + 1);
        }
        limiter.release(running);
        for (Future<?> f : waiting) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void withoutSplittingEachRunTakesOneOfMaxConcurrentSlotsOnItsConfiguredThreads() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(2, 1, true, 16);
        assertThat(limiter.splits()).as("max-concurrent > 1 is the operator's own split").isFalse();
        Admission a = limiter.acquire();
        Admission b = limiter.acquire();
        assertThat(List.of(a.oneCore(), b.oneCore())).containsOnly(false);
        Future<Admission> c = threads.submit(limiter::acquire);
        awaitWaiting(limiter, 1);
        limiter.release(a);
        assertThat(c.get(5, TimeUnit.SECONDS).oneCore()).isFalse();

        AdmissionLimiter off = new AdmissionLimiter(1, 2, false, 16);
        assertThat(off.splits()).isFalse();
        Admission only = off.acquire();
        Future<Admission> next = threads.submit(off::acquire);
        awaitWaiting(off, 1);
        off.release(only);
        assertThat(next.get(5, TimeUnit.SECONDS).oneCore()).isFalse();
    }

    @Test
    void aFullQueueRefusesAtOnceAndAnInterruptedWaiterLeavesIt() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 2, true, 1);
        Admission running = limiter.acquire();
        Future<Admission> waiter = threads.submit(limiter::acquire);
        awaitWaiting(limiter, 1);
        assertThatThrownBy(limiter::acquire).isInstanceOf(AdmissionLimiter.OverloadedException.class)
                .hasMessage("the inference queue is full (1 waiting); retry shortly");
        waiter.cancel(true);
        awaitWaiting(limiter, 0);
        Future<Admission> next = threads.submit(limiter::acquire);
        awaitWaiting(limiter, 1);
        limiter.release(running);
        assertThat(next.get(5, TimeUnit.SECONDS).oneCore()).isTrue();
    }

    private static void awaitWaiting(AdmissionLimiter limiter, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (limiter.waiting() != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " waiting, found " + limiter.waiting());
            }
            Thread.sleep(1);
        }
    }
}
