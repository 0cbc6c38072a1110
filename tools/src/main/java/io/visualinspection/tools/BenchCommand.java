package io.visualinspection.tools;

import io.visualinspection.inference.engine.EngineSettings;
import io.visualinspection.model.Json;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.tools.bench.BenchReport;
import io.visualinspection.tools.bench.LoadDriver;
import io.visualinspection.tools.bench.ProcessMemory;
import io.visualinspection.tools.bench.SessionFloor;
import io.visualinspection.tools.bench.Summary;
import io.visualinspection.tools.cli.Progress;
import io.visualinspection.tools.cli.ProgressOption;
import io.visualinspection.tools.dataset.ImageFolder;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures the running services against the engine's own floor: drives inspections or detections at a
 * concurrency, reports percentiles per stage from the responses' timings, throughput and errors, and the
 * ratios to the bare {@code session.run} time of the same model and images measured in this process, in rounds
 * between rounds of the load.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Load test of the running services, compared with the model's bare session.run time.",
                "Drives --requests calls at --concurrency against --url and measures the session floor in-process",
                "(--session-model), the two in alternating --rounds; prints p50/p95/p99 per stage, throughput,",
                "errors and the ratios.",
                "Exit code 1 when any request failed."})
class BenchCommand implements Callable<Integer> {

    enum Target { camera, upload, inference }

    @Option(names = "--target", defaultValue = "camera", description = "What to call: camera (backend GET "
            + "/main/with-camera), upload (backend POST /main), inference (inference POST /inference). "
            + "Default: ${DEFAULT-VALUE}.")
    Target target;

    @Option(names = "--raw-body", description = "With --target inference: send the image as the request body "
            + "(application/octet-stream), as the backend does, instead of a multipart form.")
    boolean rawBody;

    @Option(names = "--url", description = "Base URL of the service called. Default: http://127.0.0.1:5051 for "
            + "camera and upload, http://127.0.0.1:5052 for inference.")
    String url;

    @Option(names = {"-n", "--requests"}, defaultValue = "200", description = "Requests to measure. Default: "
            + "${DEFAULT-VALUE}.")
    int requests;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "1", description = "Clients sending at once, each "
            + "waiting for its answer before the next request. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--warmup", defaultValue = "10", description = "Requests sent first and not measured. "
            + "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--images", defaultValue = "samples/images", description = "Images uploaded (upload, "
            + "inference) and used for the session floor, in name order, round and round. Default: "
            + "${DEFAULT-VALUE}.")
    Path images;

    @Option(names = "--return-options", defaultValue = "127", description = "return_options of the inspections "
            + "(127: everything, drawn image included). Default: ${DEFAULT-VALUE}.")
    int returnOptions;

    @Option(names = "--session-model", description = "Model folder whose bare session.run time is measured "
            + "in this process before the load (e.g. samples/models/yolov5s-coco). Without it, no ratios.")
    Path sessionModel;

    @Option(names = "--session-runs", defaultValue = "50", description = "session.run calls measured for the "
            + "floor. Default: ${DEFAULT-VALUE}.")
    int sessionRuns;

    @Option(names = "--rounds", defaultValue = "5", description = "With --session-model: rounds in which the "
            + "session floor and the load are measured in turn, so that both see the machine alike. Default: "
            + "${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--intra-op-threads", description = "ONNX Runtime threads for the floor; set it as the "
            + "inference service is configured. Default: the number of cores.")
    Integer intraOpThreads;

    @Option(names = "--metrics-url", description = "/q/metrics URL of a service whose resident memory is read "
            + "before and after the load (repeatable), e.g. http://127.0.0.1:5052/q/metrics.")
    List<String> metricsUrls = new ArrayList<>();

    @Option(names = "--token", description = "Bearer token for the backend when its authentication is on.")
    String token;

    @Option(names = "--timeout", defaultValue = "PT60S", description = "Timeout of one request (ISO-8601). "
            + "Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--json", description = "Write the report as JSON to this file.")
    Path json;

    @Mixin
    ProgressOption progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (requests < 1 || concurrency < 1 || warmup < 0 || sessionRuns < 1 || rounds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--requests, --concurrency, --session-runs and --rounds must be >= 1, --warmup >= 0");
        }
        if (rawBody && target != Target.inference) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--raw-body goes with --target inference");
        }
        String base = url != null ? url : target == Target.inference ? "http://127.0.0.1:5052" : "http://127.0.0.1:5051";
        List<LoadDriver.Upload> uploads = new ArrayList<>();
        List<BufferedImage> decoded = new ArrayList<>();
        if (target != Target.camera || sessionModel != null) {
            for (Path image : ImageFolder.list(images).byImage().values()) {
                byte[] bytes = Files.readAllBytes(image);
                uploads.add(new LoadDriver.Upload(image.getFileName().toString(), bytes));
                decoded.add(ImageCodec.decode(bytes));
            }
            if (uploads.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no images in " + images);
            }
        }

        // The floor and the load are measured in alternating rounds: on a shared machine the speed of the cores
        // drifts by 10-20 % within minutes, and a floor taken only before the load would compare two states of it.
        int roundCount = sessionModel == null ? 1 : Math.min(rounds, Math.min(requests, sessionRuns));
        LoadDriver.Target driven = rawBody ? LoadDriver.Target.INFERENCE_RAW
                : LoadDriver.Target.valueOf(target.name().toUpperCase(Locale.ROOT));
        LoadDriver driver = new LoadDriver(driven, base, returnOptions, uploads, token, timeout);
        Map<String, double[]> memory = new LinkedHashMap<>();
        ProcessMemory memoryReader = new ProcessMemory();
        List<Double> floorMillis = new ArrayList<>();
        LoadDriver.Result result = LoadDriver.Result.empty();
        try (SessionFloor session = sessionModel == null ? null : SessionFloor.open(sessionModel, new EngineSettings(
                intraOpThreads != null ? intraOpThreads : Runtime.getRuntime().availableProcessors(), 1, "all", "cpu"),
                decoded, 5)) {
            if (warmup > 0) {
                try (Progress p = Progress.start("warm-up", warmup, progress.show())) {
                    driver.run(warmup, concurrency, p::step);
                }
            }
            for (String m : metricsUrls) {
                memory.put(m, new double[] {memoryReader.residentMegabytes(m), Double.NaN});
            }
            int floorRuns = session == null ? 0 : sessionRuns;
            try (Progress p = Progress.start(session == null ? "bench" : "bench and session.run", requests + floorRuns,
                    progress.show())) {
                for (int round = 0; round < roundCount; round++) {
                    if (session != null) {
                        floorMillis.addAll(session.measure(share(sessionRuns, roundCount, round), p::step));
                    }
                    result = result.plus(driver.run(share(requests, roundCount, round), concurrency, p::step));
                }
            }
        }
        for (String m : metricsUrls) {
            memory.get(m)[1] = memoryReader.residentMegabytes(m);
        }
        Summary floor = sessionModel == null ? null : Summary.of(floorMillis);

        Summary latency = Summary.of(result.latencies());
        Map<String, Summary> stages = new TreeMap<>();
        result.stages().forEach((k, v) -> stages.put(k, Summary.of(v)));
        double throughput = result.latencies().size() / result.wallSeconds();
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (floor != null) {
            ratios.put("latency_p50_over_session_p50", latency.p50() / floor.p50());
            ratios.put("throughput_times_session_p50", throughput * floor.p50() / 1000.0);
        }
        ratios.put("latency_p99_over_p50", latency.p99() / latency.p50());
        BenchReport report = new BenchReport(target.name(), base, requests, concurrency, result.latencies().size(),
                result.errors(), result.wallSeconds(), throughput, latency, stages, floor, ratios, memory, machine());
        print(out, report, result.errorSamples());
        if (json != null) {
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
            out.println("report written to " + json);
        }
        out.flush();
        return result.errors().isEmpty() ? 0 : InspectionTools.PROBLEMS;
    }

    /** Round {@code round}'s part of {@code total} split into {@code rounds} nearly equal parts. */
    static int share(int total, int rounds, int round) {
        return total / rounds + (round < total % rounds ? 1 : 0);
    }

    private static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return m;
    }

    private static void print(PrintWriter out, BenchReport r, List<String> errorSamples) {
        out.printf(Locale.ROOT, "%s %s: %d requests at concurrency %d in %.1f s: %.2f/s, %d failed%n",
                r.target(), r.url(), r.requests(), r.concurrency(), r.wallSeconds(), r.throughput(),
                r.requests() - r.succeeded());
        r.errors().forEach((status, count) -> out.printf(Locale.ROOT, "  HTTP %s: %d%n",
                status < 0 ? "(no answer)" : status, count));
        errorSamples.forEach(s -> out.println("  e.g. " + s));
        out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s%n", "ms", "p50", "p95", "p99", "max");
        row(out, "client latency", r.latency());
        r.stages().forEach((k, v) -> row(out, "  " + k, v));
        if (r.sessionFloor() != null) {
            row(out, "session.run in-process", r.sessionFloor());
        }
        r.ratios().forEach((k, v) -> out.printf(Locale.ROOT, "%-34s %6.3f%n", k, v));
        r.residentMemoryMb().forEach((k, v) -> out.printf(Locale.ROOT,
                "resident memory %s: %.1f -> %.1f MB (%+.1f)%n", k, v[0], v[1], v[1] - v[0]));
    }

    private static void row(PrintWriter out, String name, Summary s) {
        out.printf(Locale.ROOT, "%-22s %9.1f %9.1f %9.1f %9.1f%n", name, s.p50(), s.p95(), s.p99(), s.max());
    }
}
