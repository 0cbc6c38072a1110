package io.visualinspection.tools.quantize;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.visualinspection.tools.quantize.OnnxModel.Node;
import io.visualinspection.tools.quantize.OnnxModel.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Small ONNX models written field by field (onnx.proto numbers), for tests that need a model of a given shape:
 * {@code x [1, 3, 8, 8] -> Conv 3x3 (4 channels, bias) -> SiLU (Sigmoid, Mul) -> Conv 1x1 (2 channels) -> y}.
 */
public final class TinyModel {

    static final long[] INPUT_SHAPE = {1, 3, 8, 8};

    private TinyModel() {
    }

    /** The model above with random weights, importing the given operator set. */
    public static byte[] convSiluConv(long opset, long seed) {
        Random random = new Random(seed);
        List<Node> nodes = List.of(
                Node.of("Conv", "conv1", List.of("x", "w1", "b1"), List.of("c1"), "group", 1),
                Node.of("Sigmoid", "sigmoid1", List.of("c1"), List.of("s1")),
                Node.of("Mul", "mul1", List.of("c1", "s1"), List.of("m1")),
                Node.of("Conv", "conv2", List.of("m1", "w2"), List.of("y")));
        List<Tensor> initializers = List.of(
                Tensor.ofFloats("w1", new long[] {4, 3, 3, 3}, gaussian(random, 4 * 3 * 3 * 3, 0.3f)),
                Tensor.ofFloats("b1", new long[] {4}, gaussian(random, 4, 0.1f)),
                Tensor.ofFloats("w2", new long[] {2, 4, 1, 1}, gaussian(random, 2 * 4, 0.5f)));
        return model(opset, nodes, initializers, "x", INPUT_SHAPE, "y", new long[] {1, 2, 6, 6});
    }

    /** A model without convolutions: {@code y = Sigmoid(x)}. */
    public static byte[] sigmoidOnly() {
        return model(13, List.of(Node.of("Sigmoid", "s", List.of("x"), List.of("y"))), List.of(), "x", INPUT_SHAPE,
                "y", INPUT_SHAPE);
    }

    static float[] gaussian(Random random, int n, float sigma) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian() * sigma;
        }
        return v;
    }

    private static byte[] model(long opset, List<Node> nodes, List<Tensor> initializers, String input, long[] inputShape,
            String output, long[] outputShape) {
        UnknownFieldSet graph = UnknownFieldSet.newBuilder()
                .addField(1, bytes(nodes.stream().map(Node::proto).toList()))
                .addField(2, bytes(List.of(ByteString.copyFromUtf8("tiny"))))
                .addField(5, bytes(initializers.stream().map(Tensor::proto).toList()))
                .addField(11, bytes(List.of(valueInfo(input, inputShape))))
                .addField(12, bytes(List.of(valueInfo(output, outputShape))))
                .build();
        UnknownFieldSet opsetImport = UnknownFieldSet.newBuilder()
                .addField(1, bytes(List.of(ByteString.EMPTY)))
                .addField(2, UnknownFieldSet.Field.newBuilder().addVarint(opset).build())
                .build();
        return UnknownFieldSet.newBuilder()
                .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(8).build()) // ir_version
                .addField(7, bytes(List.of(graph.toByteString())))
                .addField(8, bytes(List.of(opsetImport.toByteString())))
                .build().toByteArray();
    }

    private static ByteString valueInfo(String name, long[] shape) {
        List<ByteString> dims = new ArrayList<>();
        for (long d : shape) {
            dims.add(UnknownFieldSet.newBuilder().addField(1, UnknownFieldSet.Field.newBuilder().addVarint(d).build())
                    .build().toByteString());
        }
        ByteString tensorShape = UnknownFieldSet.newBuilder().addField(1, bytes(dims)).build().toByteString();
        ByteString tensorType = UnknownFieldSet.newBuilder()
                .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(OnnxModel.FLOAT).build())
                .addField(2, bytes(List.of(tensorShape)))
                .build().toByteString();
        ByteString type = UnknownFieldSet.newBuilder().addField(1, bytes(List.of(tensorType))).build().toByteString();
        return UnknownFieldSet.newBuilder()
                .addField(1, bytes(List.of(ByteString.copyFromUtf8(name))))
                .addField(2, bytes(List.of(type)))
                .build().toByteString();
    }

    private static UnknownFieldSet.Field bytes(List<ByteString> values) {
        UnknownFieldSet.Field.Builder b = UnknownFieldSet.Field.newBuilder();
        values.forEach(b::addLengthDelimited);
        return b.build();
    }

    /** The largest |q| of each output channel (the first dimension) of an int8 weight tensor. */
    public static Set<Integer> largestMagnitudePerChannel(Tensor weights) {
        byte[] q = weights.bytes();
        int channels = (int) weights.dims()[0];
        int perChannel = q.length / channels;
        Set<Integer> largest = new HashSet<>();
        for (int c = 0; c < channels; c++) {
            int max = 0;
            for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                max = Math.max(max, Math.abs(q[i]));
            }
            largest.add(max);
        }
        return largest;
    }
}
