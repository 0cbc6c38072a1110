package io.visualinspection.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One scrape of a service's {@code /q/metrics} (Prometheus text), and the few numbers these tests compare. */
record Metrics(List<String> lines) {

    static Metrics scrape(String baseUrl, String token) {
        Http.Reply r = Http.get(baseUrl + "/q/metrics").token(token).send();
        if (r.status() != 200) {
            throw new IllegalStateException("metrics of " + baseUrl + ": " + r);
        }
        List<String> lines = new ArrayList<>();
        for (String line : r.text().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return new Metrics(lines);
    }

    /** The sum of every sample of {@code name} whose labels contain all of {@code labels} ({@code k="v"}). */
    double sum(String name, String... labels) {
        double total = 0;
        for (String line : lines) {
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String metric = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
            if (!metric.equals(name)) {
                continue;
            }
            boolean all = true;
            for (String l : labels) {
                all &= line.contains(l);
            }
            if (all) {
                double v = Double.parseDouble(line.substring(space + 1));
                if (!Double.isNaN(v) && v > 0) {
                    total += v;
                }
            }
        }
        return total;
    }

    double threads() {
        return sum("jvm_threads_live_threads");
    }

    double openFiles() {
        return sum("process_files_open_files");
    }

    double heapUsed() {
        return sum("jvm_memory_used_bytes", "area=\"heap\"");
    }

    double heapMax() {
        return sum("jvm_memory_max_bytes", "area=\"heap\"");
    }

    double residentBytes() {
        return sum("process_resident_memory_bytes");
    }

    String summary() {
        return String.format(Locale.ROOT, "threads %.0f, open files %.0f, heap %.0f/%.0f MB, RSS %.0f MB", threads(),
                openFiles(), heapUsed() / 1e6, heapMax() / 1e6, residentBytes() / 1e6);
    }
}
