package io.visualinspection.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.visualinspection.model.Detection;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.testing.SampleData;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models exported with dynamic axes have an output whose size ONNX Runtime learns only when it runs: the detector
 * learns it from a run on a grey image and decodes each result from the tensor ONNX Runtime allocates. The sample
 * model rewritten that way detects exactly what the sample model detects.
 */
class RunTimeOutputShapeTest {

    // onnx.proto field numbers: ModelProto.graph, GraphProto.node and .output, ValueInfoProto.name and .type,
    // TypeProto.tensor_type, TypeProto.Tensor.elem_type; TensorProto.FLOAT
    private static final int GRAPH = 7;
    private static final int NODE = 1;
    private static final int OUTPUT = 12;
    private static final int NAME = 1;
    private static final int TYPE = 2;
    private static final int TENSOR_TYPE = 1;
    private static final int ELEM_TYPE = 1;
    private static final int INITIALIZER = 5;
    private static final int INPUT = 11;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    @TempDir
    Path dir;

    /**
     * The output passes Tile(output, repeats) with repeats of 1 computed from the input's values: the same values,
     * a shape ONNX Runtime cannot know before the run.
     */
    @Test
    void anOutputShapedAtRunTimeDetectsAsTheSampleModel() throws Exception {
        Path variant = tiledAtRunTime();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = OrtEnvironment.getEnvironment().createSession(
                        variant.resolve("model.onnx").toString(), options)) {
            long[] declared = ((TensorInfo) session.getOutputInfo().values().iterator().next().getInfo()).getShape();
            assertThat(declared).as("the variant declares no output size").containsOnly(-1);
        }
        BufferedImage photo = ImageCodec.decode(Files.readAllBytes(SampleData.image("astronaut.png")));
        try (OnnxDetector sample = OnnxDetector.load(SampleData.models().resolve("yolov5s-coco"), EngineSettings.defaults());
                OnnxDetector dynamic = OnnxDetector.load(variant, EngineSettings.defaults())) {
            assertThat(dynamic.format()).isEqualTo(sample.format());
            for (int run = 0; run < 2; run++) { // the second run reuses what the first allocated
                List<Detection> expected = sample.detect(photo, sample.defaults()).detections();
                List<Detection> actual = dynamic.detect(photo, dynamic.defaults()).detections();
                assertThat(expected).isNotEmpty();
                assertThat(actual).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(actual.get(i).classId()).isEqualTo(expected.get(i).classId());
                    assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-4f));
                    assertThat(actual.get(i).box().x0()).isCloseTo(expected.get(i).box().x0(), within(1e-3));
                    assertThat(actual.get(i).box().y1()).isCloseTo(expected.get(i).box().y1(), within(1e-3));
                }
            }
        }
    }

    /**
     * The sample model folder without its manifest (the format is then found from the output), its output tiled
     * once along every axis by repeats computed from the input, and declared without a shape.
     */
    private Path tiledAtRunTime() throws Exception {
        Path sample = SampleData.models().resolve("yolov5s-coco");
        Path folder = Files.createDirectories(dir.resolve("tiled"));
        Files.copy(sample.resolve("classes.txt"), folder.resolve("classes.txt"));
        UnknownFieldSet model = UnknownFieldSet.parseFrom(Files.readAllBytes(sample.resolve("model.onnx")));
        UnknownFieldSet graph = parse(model.getField(GRAPH).getLengthDelimitedList().get(0));
        String output = parse(graph.getField(OUTPUT).getLengthDelimitedList().get(0)).getField(NAME)
                .getLengthDelimitedList().get(0).toStringUtf8();
        UnknownFieldSet.Field.Builder nodes = UnknownFieldSet.Field.newBuilder();
        graph.getField(NODE).getLengthDelimitedList().forEach(nodes::addLengthDelimited);
        String input = parse(graph.getField(INPUT).getLengthDelimitedList().get(0)).getField(NAME)
                .getLengthDelimitedList().get(0).toStringUtf8();
        // repeats = Expand(Cast(Ceil(max(input) * 0 + 1)), [3]): [1, 1, 1], known only when the model runs
        nodes.addLengthDelimited(node("ReduceMax", List.of(input), "input_max", intAttribute("keepdims", 0)));
        nodes.addLengthDelimited(node("Mul", List.of("input_max", "zero"), "input_max_times_zero"));
        nodes.addLengthDelimited(node("Add", List.of("input_max_times_zero", "one"), "one_at_run_time"));
        nodes.addLengthDelimited(node("Cast", List.of("one_at_run_time"), "one_as_int64", intAttribute("to", INT64)));
        nodes.addLengthDelimited(node("Expand", List.of("one_as_int64", "rank"), "repeats"));
        nodes.addLengthDelimited(node("Tile", List.of(output, "repeats"), "tiled"));
        UnknownFieldSet.Field.Builder initializers = UnknownFieldSet.Field.newBuilder();
        graph.getField(INITIALIZER).getLengthDelimitedList().forEach(initializers::addLengthDelimited);
        initializers.addLengthDelimited(tensor("zero", FLOAT, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(0f).array()));
        initializers.addLengthDelimited(tensor("one", FLOAT, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1f).array()));
        initializers.addLengthDelimited(tensor("rank", INT64, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(3).array(), 1));
        ByteString tensorType = UnknownFieldSet.newBuilder().addField(ELEM_TYPE, varint(FLOAT)).build().toByteString();
        ByteString type = UnknownFieldSet.newBuilder().addField(TENSOR_TYPE, single(tensorType)).build().toByteString();
        ByteString valueInfo = UnknownFieldSet.newBuilder().addField(NAME, single(ByteString.copyFromUtf8("tiled")))
                .addField(TYPE, single(type)).build().toByteString();
        graph = graph.toBuilder().clearField(NODE).addField(NODE, nodes.build())
                .clearField(INITIALIZER).addField(INITIALIZER, initializers.build())
                .clearField(OUTPUT).addField(OUTPUT, single(valueInfo)).build();
        model = model.toBuilder().clearField(GRAPH).addField(GRAPH, single(graph.toByteString())).build();
        Files.write(folder.resolve("model.onnx"), model.toByteArray());
        return folder;
    }

    private static ByteString node(String opType, List<String> inputs, String output, ByteString... attributes) {
        UnknownFieldSet.Field.Builder in = UnknownFieldSet.Field.newBuilder();
        inputs.forEach(i -> in.addLengthDelimited(ByteString.copyFromUtf8(i)));
        UnknownFieldSet.Builder node = UnknownFieldSet.newBuilder().addField(1, in.build())
                .addField(2, single(ByteString.copyFromUtf8(output)))
                .addField(3, single(ByteString.copyFromUtf8(output)))
                .addField(4, single(ByteString.copyFromUtf8(opType)));
        for (ByteString attribute : attributes) {
            node.addField(5, single(attribute));
        }
        return node.build().toByteString();
    }

    /** An integer attribute (AttributeProto: name 1, i 3, type 20 = INT). */
    private static ByteString intAttribute(String name, long value) {
        return UnknownFieldSet.newBuilder().addField(1, single(ByteString.copyFromUtf8(name)))
                .addField(3, varint(value)).addField(20, varint(2)).build().toByteString();
    }

    /** A constant: a scalar, or with {@code dims} a tensor of those dimensions. */
    private static ByteString tensor(String name, int type, byte[] littleEndian, long... dims) {
        UnknownFieldSet.Builder t = UnknownFieldSet.newBuilder();
        if (dims.length > 0) {
            UnknownFieldSet.Field.Builder d = UnknownFieldSet.Field.newBuilder();
            for (long dim : dims) {
                d.addVarint(dim);
            }
            t.addField(1, d.build());
        }
        return t.addField(2, varint(type)).addField(8, single(ByteString.copyFromUtf8(name)))
                .addField(9, single(ByteString.copyFrom(littleEndian))).build().toByteString();
    }

    private static UnknownFieldSet.Field varint(long value) {
        return UnknownFieldSet.Field.newBuilder().addVarint(value).build();
    }

    private static UnknownFieldSet.Field single(ByteString value) {
        return UnknownFieldSet.Field.newBuilder().addLengthDelimited(value).build();
    }

    private static UnknownFieldSet parse(ByteString bytes) {
        try {
            return UnknownFieldSet.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new UncheckedIOException(e);
        }
    }
}
