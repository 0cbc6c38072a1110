package io.visualinspection.camera.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults one camera shows now, changed at run time by the admin API, and the randomness they draw from.
 * A hung request waits on a latch that a reset (any change that clears {@code hang}) opens, so that tests end
 * without waiting for the hang limit.
 */
public final class CameraFaults {

    private final Random random;
    private final AtomicInteger hung = new AtomicInteger();
    private FaultSettings settings;
    private CountDownLatch hangRelease = new CountDownLatch(1);

    public CameraFaults(FaultSettings initial, Random random) {
        this.settings = initial;
        this.random = random;
    }

    public synchronized FaultSettings settings() {
        return settings;
    }

    /** Replaces the settings; when they no longer hang, every hung request is released. */
    public synchronized void set(FaultSettings next) {
        settings = next;
        if (!next.hang()) {
            releaseHung();
        }
    }

    /** Releases every hung request now (on shutdown), whatever the settings. */
    public synchronized void releaseHung() {
        hangRelease.countDown();
        hangRelease = new CountDownLatch(1);
    }

    /** Reseeds the camera's randomness, which its frame order shares, so that one seed repeats a whole run. */
    public void reseed(long seed) {
        random.setSeed(seed);
    }

    /**
     * Blocks while the camera hangs: until released or {@code limit} has passed. Returns at once, false, when the
     * camera does not hang.
     */
    public boolean hangIfSet(Duration limit) {
        CountDownLatch latch;
        synchronized (this) {
            if (!settings.hang()) {
                return false;
            }
            latch = hangRelease; // taken together with the setting, so a reset in between cannot be missed
        }
        hung.incrementAndGet();
        try {
            latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hung.decrementAndGet();
        }
        return true;
    }

    /** How many requests hang on this camera now. */
    public int hungRequests() {
        return hung.get();
    }

    /** The latency of one photo: {@code latency_ms} plus a uniform random {@code 0..jitter_ms}. */
    public long drawDelayMs(FaultSettings s) {
        return s.latencyMs() + (s.jitterMs() > 0 ? random.nextLong(s.jitterMs() + 1) : 0);
    }

    /** Whether this photo fails; draws only for rates strictly between 0 and 1, so that those stay exact. */
    public boolean drawFailure(FaultSettings s) {
        if (s.failureRate() <= 0) {
            return false;
        }
        return s.failureRate() >= 1 || random.nextDouble() < s.failureRate();
    }

    /**
     * The image bytes as a flaky link would deliver them: cut to half their length and everything after the
     * format's signature scrambled, so that the answer still looks like an image of its type to content sniffers
     * but no decoder can read it.
     */
    public byte[] corrupt(byte[] image, String format) {
        int keep = Math.min(image.length, switch (format) {
            case "png" -> 8; // \x89PNG\r\n\x1a\n
            case "webp" -> 12; // RIFF, size, WEBP
            default -> 2; // JPEG SOI, BMP "BM"
        });
        byte[] out = Arrays.copyOf(image, Math.max(keep, image.length / 2));
        byte[] noise = new byte[out.length];
        random.nextBytes(noise);
        for (int i = keep; i < out.length; i++) {
            out[i] = (byte) (noise[i] == 0 ? ~out[i] : out[i] ^ noise[i]); // every byte changes
        }
        return out;
    }
}
