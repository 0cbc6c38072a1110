package io.visualinspection.tools.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a service's resident memory from its Prometheus metrics ({@code process_resident_memory_bytes}). */
public final class ProcessMemory {

    private static final Pattern RSS = Pattern.compile("(?m)^process_resident_memory_bytes(?:\\{[^}]*})? ([0-9.Ee+]+)$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Resident memory in MB, or NaN when the metrics do not say. */
    public double residentMegabytes(String metricsUrl) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(metricsUrl))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = RSS.matcher(r.body());
            return m.find() ? Double.parseDouble(m.group(1)) / (1024 * 1024) : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
