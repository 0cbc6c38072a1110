package io.visualinspection.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resident and virtual memory of the process ({@code process_resident_memory_bytes},
 * {@code process_virtual_memory_bytes}) from {@code /proc/self/status}: native memory (ONNX Runtime,
 * image buffers) shows here and nowhere in the JVM's own meters. NaN where there is no /proc.
 */
@Singleton
public class ProcessMemoryMetrics implements MeterBinder {

    static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("process.resident.memory", () -> kilobytes("VmRSS:") * 1024).baseUnit("bytes")
                .description("Resident set size of the process").register(registry);
        Gauge.builder("process.virtual.memory", () -> kilobytes("VmSize:") * 1024).baseUnit("bytes")
                .description("Virtual memory size of the process").register(registry);
    }

    /** A {@code kB} field of /proc/self/status, or NaN. */
    static double kilobytes(String field) {
        try {
            return parse(Files.readAllLines(STATUS), field);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double parse(List<String> lines, String field) {
        for (String line : lines) {
            if (line.startsWith(field)) {
                String[] parts = line.substring(field.length()).trim().split("\\s+");
                return Double.parseDouble(parts[0]);
            }
        }
        return Double.NaN;
    }
}
