package io.visualinspection.inference.service;

import io.visualinspection.inference.config.InferenceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the inferences that run at once, and the requests that may wait for one: past the queue limit a
 * request is refused at once (503) instead of piling up and timing out.
 */
@ApplicationScoped
public class AdmissionLimiter {

    private final Semaphore running;
    private final int maxQueue;
    private final AtomicInteger waiting = new AtomicInteger();

    AdmissionLimiter(InferenceConfig config) {
        this.running = new Semaphore(Math.max(1, config.maxConcurrent()), true);
        this.maxQueue = Math.max(0, config.maxQueue());
    }

    /** Thrown when the queue is full. */
    public static class OverloadedException extends RuntimeException {
        public OverloadedException(String message) {
            super(message);
        }
    }

    /**
     * Waits for a slot; returns the nanoseconds waited. The caller must {@link #release()} after.
     *
     * @throws OverloadedException when {@code maxQueue} requests are already waiting
     */
    public long acquire() throws InterruptedException {
        long t0 = System.nanoTime();
        if (running.tryAcquire()) {
            return 0;
        }
        if (waiting.incrementAndGet() > maxQueue) {
            waiting.decrementAndGet();
            throw new OverloadedException("the inference queue is full (" + maxQueue + " waiting); retry shortly");
        }
        try {
            running.acquire();
        } finally {
            waiting.decrementAndGet();
        }
        return System.nanoTime() - t0;
    }

    public void release() {
        running.release();
    }

    public int waiting() {
        return waiting.get();
    }
}
