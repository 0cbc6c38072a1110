package io.visualinspection.inference.service;

import io.visualinspection.inference.config.InferenceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the inferences that run at once, and the requests that may wait for one: past the queue limit a
 * request is refused at once (503) instead of piling up and timing out. Waiting requests are admitted in the
 * order they came.
 *
 * <p>With {@code split-under-load} (and one run at a time on several intra-op threads) the slots are the cores
 * of one run: a request that finds nothing running and nobody waiting takes all of them (the fastest single
 * detection), while a request that meets another one, running or waiting, takes one core and runs beside it on
 * one intra-op thread, which overlaps better with decoding and HTTP than runs one after another on every core
 * (docs/benchmarks.md). A run on all cores never shares them: requests that come while it runs wait for it.
 */
@ApplicationScoped
public class AdmissionLimiter {

    /** A granted slot: how long the request waited, and whether it runs on one core beside others. */
    public record Admission(long waitedNanos, boolean oneCore, int slots) {
    }

    private final int slots;
    private final boolean split;
    private final int maxQueue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int free;

    @Inject
    AdmissionLimiter(InferenceConfig config) {
        this(config.maxConcurrent(), config.intraOpThreads().orElse(Runtime.getRuntime().availableProcessors()),
                config.splitUnderLoad(), config.maxQueue());
    }

    AdmissionLimiter(int maxConcurrent, int intraOpThreads, boolean splitUnderLoad, int maxQueue) {
        this.split = splitUnderLoad && maxConcurrent <= 1 && intraOpThreads > 1;
        this.slots = split ? intraOpThreads : Math.max(1, maxConcurrent);
        this.maxQueue = Math.max(0, maxQueue);
        this.free = slots;
    }

    /** Thrown when the queue is full. */
    public static class OverloadedException extends RuntimeException {
        public OverloadedException(String message) {
            super(message);
        }
    }

    /** Whether requests that meet others run side by side on one core each. */
    public boolean splits() {
        return split;
    }

    /**
     * Waits for a slot. The caller must {@link #release} the admission after its run.
     *
     * @throws OverloadedException when {@code maxQueue} requests are already waiting
     */
    public Admission acquire() throws InterruptedException {
        long t0 = System.nanoTime();
        lock.lock();
        try {
            if (queue.isEmpty() && free > 0) {
                return take(0, false);
            }
            if (queue.size() >= maxQueue) {
                throw new OverloadedException("the inference queue is full (" + maxQueue + " waiting); retry shortly");
            }
            Object ticket = new Object();
            queue.addLast(ticket);
            try {
                while (queue.peekFirst() != ticket || free == 0) {
                    changed.await();
                }
            } catch (InterruptedException e) {
                queue.remove(ticket);
                changed.signalAll();
                throw e;
            }
            queue.removeFirst();
            Admission admission = take(System.nanoTime() - t0, true);
            changed.signalAll(); // the next in line may fit in what is left
            return admission;
        } finally {
            lock.unlock();
        }
    }

    /** Takes every slot for a request that found the service idle (splitting), else one. Holds the lock. */
    private Admission take(long waitedNanos, boolean waited) {
        if (split && !waited && free == slots) {
            free = 0;
            return new Admission(waitedNanos, false, slots);
        }
        free--;
        return new Admission(waitedNanos, split, 1);
    }

    public void release(Admission admission) {
        lock.lock();
        try {
            free += admission.slots();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Requests waiting for a slot now. */
    public int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }
}
