package io.visualinspection.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.visualinspection.model.Box;
import io.visualinspection.model.ErrorResponse;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.Json;
import io.visualinspection.model.labels.LabelledObject;
import io.visualinspection.model.labels.YoloLabels;
import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.SharedData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportPredictionsCommandTest {

    static final double BOX_TOLERANCE_PX = 2.0;

    @TempDir
    Path dir;

    /**
     * In process, the sample model gives the reference detections of the seed photos (class, box within 2 px);
     * the files it writes then serve derive-pattern, evaluate-pattern and rotate-labels.
     */
    @Test
    void theSeedPhotosGiveTheReferenceDetections() throws Exception {
        Path seed = SharedData.require("images/seed");
        JsonNode reference = Json.mapper().readTree(SharedData.require("reference/seed-detections.json").toFile());
        Path out = dir.resolve("seed");
        ToolRun r = ToolRun.run("export-predictions", "-i", seed.toString(), "-o", out.toString(), "--model-dir",
                SampleData.models().resolve("yolov5s-coco").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Detecting with model yolov5s-coco").contains("6 images");
        assertThat(Files.readAllLines(out.resolve("labels/classes.txt"))).hasSize(80).startsWith("person");

        for (Iterator<Map.Entry<String, JsonNode>> it = reference.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = YoloLabels.stemOf(Path.of(e.getKey()));
            int w = e.getValue().get("width").asInt();
            int h = e.getValue().get("height").asInt();
            List<LabelledObject> written = SyntheticDataset.read(out.resolve("labels/" + name + ".txt"));
            assertThat(written).allSatisfy(o -> assertThat(o.hasScore()).isTrue());
            List<LabelledObject> expected = new ArrayList<>();
            for (JsonNode d : e.getValue().get("detections")) {
                JsonNode b = d.get("box_xyxy");
                Box box = new Box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble());
                expected.add(new LabelledObject(d.get("class_id").asInt(), box, (float) d.get("score").asDouble()));
            }
            assertMatches(name, written, expected, w, h);
            assertThat(out.resolve("drawn/" + name + ".jpg")).exists();
            // The reference detections (those the backend's min_score keeps) as the truth of the seed set.
            SyntheticDataset.write(Files.createDirectories(dir.resolve("truth")).resolve(name + ".txt"),
                    expected.stream().filter(o -> o.score() >= 0.5)
                            .map(o -> LabelledObject.labelled(o.classId(), o.box().normalised(w, h))).toList());
        }

        // A pattern derived from the cat photo's labels: the cat photo passes, from labels and from the model,
        // and every other seed photo fails both ways.
        Path catOnly = Files.createDirectories(dir.resolve("cat-only"));
        Files.copy(dir.resolve("truth/3631212603_b6609493fa_z.txt"), catOnly.resolve("3631212603_b6609493fa_z.txt"));
        Path pattern = dir.resolve("seed-cat.yaml");
        ToolRun derived = ToolRun.run("derive-pattern", "-l", catOnly.toString(), "-o", pattern.toString());
        assertThat(derived.exitCode()).as(derived.toString()).isZero();
        ToolRun evaluated = ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l",
                dir.resolve("truth").toString(), "-p", out.resolve("labels").toString(), "--json", "-");
        assertThat(evaluated.exitCode()).as(evaluated.toString()).isZero();
        JsonNode report = Json.mapper().readTree(evaluated.out());
        assertThat(report.at("/confusion_matrix/labels_ok/predicted_ok").asInt()).isEqualTo(1);
        assertThat(report.at("/confusion_matrix/labels_nok/predicted_nok").asInt()).isEqualTo(5);

        // Turned upside down twice, the predictions are back where they were.
        Path upsideDown = dir.resolve("upside-down");
        Path back = dir.resolve("back");
        assertThat(ToolRun.run("rotate-labels", "-i", out.resolve("labels").toString(), "-o", upsideDown.toString(),
                "-r", "180").exitCode()).isZero();
        assertThat(ToolRun.run("rotate-labels", "-i", upsideDown.toString(), "-o", back.toString(), "-r", "180")
                .exitCode()).isZero();
        assertThat(back.resolve("classes.txt")).exists();
        for (Path file : io.visualinspection.tools.dataset.LabelFolder.files(out.resolve("labels"))) {
            List<LabelledObject> original = SyntheticDataset.read(file);
            List<LabelledObject> turned = SyntheticDataset.read(back.resolve(file.getFileName()));
            assertThat(turned).hasSameSizeAs(original);
            for (int i = 0; i < original.size(); i++) {
                assertThat(turned.get(i).score()).isEqualTo(original.get(i).score());
                assertThat(turned.get(i).box().iou(original.get(i).box())).isGreaterThan(0.9999);
            }
        }
    }

    /** An image whose decisions from labels and from predictions made now (in process) agree: exit code 0. */
    @Test
    void evaluatesTheDemoPatternOnTheDemoImagesWithTheModelRunNow() throws Exception {
        Path labels = Files.createDirectories(dir.resolve("labels"));
        Files.writeString(labels.resolve("chelsea.txt"), "15 0.48 0.50 0.90 0.98\n");   // a cat filling the frame
        Files.writeString(labels.resolve("coffee.txt"), "41 0.49 0.39 0.42 0.73\n");    // a cup, no cat
        Files.writeString(labels.resolve("astronaut.txt"), "");                        // nothing of interest
        ToolRun r = ToolRun.run("evaluate-pattern", "-P", SampleData.patterns().resolve("demo-cat.yaml").toString(),
                "-l", labels.toString(), "--images", SampleData.images().toString(), "--model-dir",
                SampleData.models().resolve("yolov5s-coco").toString(), "--json", dir.resolve("e.json").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("labels OK +1 +0").containsPattern("labels NOK +0 +2")
                .contains("Accuracy 100.0% (3 of 3 images agree)");
        JsonNode report = Json.mapper().readTree(dir.resolve("e.json").toFile());
        assertThat(report.get("predictions").asText()).startsWith("model yolov5s-coco");
    }

    @Test
    void throughTheInferenceServiceImagesArePostedAsMultipartAndAnswersWrittenAsLabels() throws Exception {
        SyntheticDataset data = SyntheticDataset.create(dir.resolve("set"), 3, 1);
        Files.writeString(data.images.resolve("broken.png"), "not an image");
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
            byte[] answer;
            int status;
            if (exchange.getRequestURI().getPath().equals("/models")) {
                status = 200;
                answer = "[{\"name\":\"boards\",\"class_names\":[\"board\",\"screw\",\"label\"]}]".getBytes();
            } else if (body.contains("filename=\"part_01.png\"")) {
                status = 413;
                answer = Json.mapper().writeValueAsBytes(new ErrorResponse(413, "Payload Too Large", "too large"));
            } else {
                status = 200;
                answer = Json.mapper().writeValueAsBytes(new InferenceResult(List.of(new Box(32, 24, 96, 72)),
                        List.of(1), List.of(0.875f), List.of("screw"), "boards", "1", 320, 240, null));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Path out = dir.resolve("out");
            ToolRun r = ToolRun.run("export-predictions", "-i", data.images.toString(), "-o", out.toString(),
                    "--inference-url", url, "--model", "boards", "--score-threshold", "0.4");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            // An image that is none fails here; one the service refuses fails there; the run goes on.
            assertThat(r.err()).contains("broken.png: the data is not an image")
                    .contains("part_01.png: " + url + "models/boards/detect answered 413: too large");
            assertThat(r.out()).contains("2 images, 2 detections");
            assertThat(Files.readAllLines(out.resolve("labels/part_00.txt")))
                    .containsExactly("1 0.200000 0.200000 0.200000 0.200000 0.875000");
            assertThat(out.resolve("labels/broken.txt")).doesNotExist();
            assertThat(out.resolve("drawn/part_02.jpg")).exists();
            assertThat(out.resolve("labels/part_01.txt")).doesNotExist();
            assertThat(Files.readAllLines(out.resolve("labels/classes.txt")))
                    .containsExactly("board", "screw", "label");

            String post = requests.stream().filter(q -> q.contains("part_00.png")).findFirst().orElseThrow();
            assertThat(post).startsWith("POST /models/boards/detect multipart/form-data; boundary=")
                    .contains("Content-Disposition: form-data; name=\"image\"; filename=\"part_00.png\"")
                    .contains("Content-Type: image/png").contains("\u0089PNG")
                    .contains("name=\"score_threshold\"\r\n\r\n0.4\r\n");

            ToolRun defaultModel = ToolRun.run("export-predictions", "-i", data.images.toString(), "-o",
                    out.toString(), "--inference-url", url, "--no-drawn");
            assertThat(defaultModel.exitCode()).isEqualTo(1);
            assertThat(requests).anyMatch(q -> q.startsWith("POST /inference multipart/form-data"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableServiceStopsTheRunWithExitCodeThree() throws Exception {
        SyntheticDataset data = SyntheticDataset.create(dir.resolve("set"), 1, 1);
        ToolRun r = ToolRun.run("export-predictions", "-i", data.images.toString(), "-o", dir.resolve("out").toString(),
                "--inference-url", "http://127.0.0.1:1");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("cannot reach the inference service at http://127.0.0.1:1/inference");
    }

    @Test
    void wrongUsageIsExitCodeTwo() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        String out = dir.resolve("out").toString();
        assertThat(ToolRun.run("export-predictions", "-i", images.toString(), "-o", out).err())
                .contains("give the model");
        assertThat(ToolRun.run("export-predictions", "-i", images.toString(), "-o", out, "--inference-url",
                "http://127.0.0.1:5052", "--model-dir", images.toString()).err()).contains("not both");
        assertThat(ToolRun.run("export-predictions", "-i", images.toString(), "-o", out, "--model-dir",
                images.toString(), "--model", "x").err()).contains("--model names a model of the inference service");
        assertThat(ToolRun.run("export-predictions", "-i", images.toString(), "-o", out, "--inference-url",
                "ftp://x", "--score-threshold", "0.4").exitCode()).isEqualTo(2);
        assertThat(ToolRun.run("export-predictions", "-i", images.toString(), "-o", out, "--inference-url",
                "http://127.0.0.1:5052", "--score-threshold", "1.5").err())
                .contains("--score-threshold must be in 0..1");
    }

    /** Same number; each expected detection has its own written one of the same class, box within tolerance. */
    private static void assertMatches(String image, List<LabelledObject> written, List<LabelledObject> expected, int w,
            int h) {
        assertThat(written).as(image + ": number of detections").hasSameSizeAs(expected);
        boolean[] used = new boolean[written.size()];
        for (LabelledObject e : expected) {
            int best = -1;
            double bestDiff = Double.MAX_VALUE;
            for (int i = 0; i < written.size(); i++) {
                if (used[i] || written.get(i).classId() != e.classId()) {
                    continue;
                }
                Box a = written.get(i).box().toPixels(w, h);
                Box x = e.box();
                double diff = Math.max(Math.max(Math.abs(a.x0() - x.x0()), Math.abs(a.y0() - x.y0())),
                        Math.max(Math.abs(a.x1() - x.x1()), Math.abs(a.y1() - x.y1())));
                if (diff < bestDiff) {
                    bestDiff = diff;
                    best = i;
                }
            }
            assertThat(best).as(image + ": no detection of class " + e.classId() + " near " + e.box()).isNotNegative();
            assertThat(bestDiff).as(image + ": " + e.box()).isLessThanOrEqualTo(BOX_TOLERANCE_PX);
            used[best] = true;
        }
    }
}
