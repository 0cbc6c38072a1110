package io.visualinspection.tools.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error for a run over many files, or nothing when progress is switched off. */
public final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    public static Progress start(String task, long total, boolean show) {
        if (!show) {
            return new Progress(null);
        }
        return new Progress(ProgressBar.builder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .build());
    }

    /** Shows what is being worked on now. */
    public void working(String current) {
        if (bar != null) {
            bar.setExtraMessage(current);
        }
    }

    /** One more done. */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
