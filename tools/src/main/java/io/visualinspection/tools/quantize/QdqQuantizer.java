package io.visualinspection.tools.quantize;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.visualinspection.tools.quantize.OnnxModel.Node;
import io.visualinspection.tools.quantize.OnnxModel.Tensor;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Static INT8 quantisation of a convolutional model in ONNX's QDQ form, as ONNX Runtime recommends for CNNs:
 * weights per output channel as symmetric int8 (on 7 or 8 bits), activations as uint8 with a scale and zero point
 * from the ranges seen on calibration images (min/max). Each quantised operator reads {@code DequantizeLinear} outputs
 * and writes into a {@code QuantizeLinear}; ONNX Runtime fuses these into its integer kernels (QLinearConv,
 * QLinearSigmoid, QLinearMul...), so the tensors between them stay 8-bit.
 *
 * <p>Quantised: Conv, Sigmoid, Mul, Add, Concat, MaxPool and Resize in the part of the graph that feeds a
 * convolution. The convolutions that produce the outputs, and everything after them (box decoding, grids,
 * anchors), stay float: they carry the box coordinates, which 8 bits would coarsen by pixels.
 */
public final class QdqQuantizer {

    /** Operators with a QDQ integer kernel in ONNX Runtime's CPU provider. */
    static final Set<String> OPERATORS = Set.of("Conv", "Sigmoid", "Mul", "Add", "Concat", "MaxPool", "Resize");
    /** Operators whose output lies within their input's range: same scale, so they run on 8-bit data as is. */
    private static final Set<String> RANGE_KEEPING = Set.of("MaxPool", "Resize");
    /** DequantizeLinear with a per-channel scale (its axis attribute) needs operator set 13. */
    static final long MIN_OPSET = 13;

    private final OnnxModel model;
    private final Set<Node> quantized = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The activations to quantise, in graph order. */
    private final Set<String> activations = new LinkedHashSet<>();
    /** The outputs of the quantised nodes, which these write as {@code <name>/float} before quantising. */
    private final Set<String> quantizedOutputs = new HashSet<>();
    private final Map<String, List<Node>> consumers = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final int convolutions;

    private QdqQuantizer(OnnxModel model) throws IOException {
        this.model = model;
        long opset = model.opsetVersion();
        if (opset < MIN_OPSET) {
            throw new IllegalArgumentException("the model uses ONNX operator set " + opset + "; quantisation needs "
                    + MIN_OPSET + " or later (export the model again with opset >= " + MIN_OPSET + ")");
        }
        if (model.inputs().size() != 1) {
            throw new IllegalArgumentException("the model has " + model.inputs().size() + " inputs; a detector has "
                    + "one, the image");
        }
        Map<String, Node> producers = new HashMap<>();
        names.addAll(model.initializers().keySet());
        names.addAll(model.inputs());
        for (Node n : model.nodes()) {
            n.inputs().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
            n.outputs().forEach(o -> producers.put(o, n));
            names.addAll(n.outputs());
        }
        Set<Node> feedingConvolution = upstreamOfConvolutions(model.nodes(), producers);
        int convs = 0;
        for (Node n : model.nodes()) {
            if (n.opType().equals("Conv")) {
                convs++;
            }
            if (feedingConvolution.contains(n) && quantizable(n)) {
                quantized.add(n);
                quantizedOutputs.addAll(n.outputs());
                activations.addAll(dataInputs(n));
                activations.addAll(n.outputs());
            }
        }
        this.convolutions = convs;
        if (quantized.stream().noneMatch(n -> n.opType().equals("Conv"))) {
            throw new IllegalArgumentException("the model has no convolution to quantise (float weights stored in "
                    + "the model, feeding further convolutions)");
        }
    }

    /** Plans the quantisation of a model; IllegalArgumentException when it cannot be quantised here. */
    public static QdqQuantizer plan(OnnxModel model) throws IOException {
        return new QdqQuantizer(model);
    }

    /** How many nodes are quantised. */
    public int quantizedNodes() {
        return quantized.size();
    }

    public int quantizedConvolutions() {
        return (int) quantized.stream().filter(n -> n.opType().equals("Conv")).count();
    }

    public int convolutions() {
        return convolutions;
    }

    /**
     * Starts a calibration: the model with each activation's minimum and maximum as extra outputs, so that only two
     * numbers per tensor leave the session for each image.
     */
    public Calibration calibration() throws OrtException {
        List<Node> nodes = new ArrayList<>(model.nodes());
        List<String> extraOutputs = new ArrayList<>();
        for (String t : activations) {
            nodes.add(Node.of("ReduceMin", t + "/min", List.of(t), List.of(t + "/min"), "keepdims", 0));
            nodes.add(Node.of("ReduceMax", t + "/max", List.of(t), List.of(t + "/max"), "keepdims", 0));
            extraOutputs.add(t + "/min");
            extraOutputs.add(t + "/max");
        }
        return new Calibration(model.rewrite(nodes, model.initializers().values(), extraOutputs), extraOutputs);
    }

    /** The ranges of the activations over the inputs given so far, one image at a time. */
    public final class Calibration implements AutoCloseable {
        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        private final OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        private final OrtSession session;
        private final Set<String> outputs;
        private final Map<String, Range> ranges = new LinkedHashMap<>();
        private int images;

        private Calibration(byte[] calibrationModel, List<String> outputs) throws OrtException {
            this.outputs = new LinkedHashSet<>(outputs);
            try {
                this.session = env.createSession(calibrationModel, options);
            } catch (OrtException e) {
                options.close();
                throw e;
            }
        }

        /** Runs the model on one input, preprocessed as for detection ({@code shape}: [1, 3, H, W]). */
        public void add(FloatBuffer input, long[] shape) throws OrtException {
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, input.duplicate().rewind(), shape);
                    OrtSession.Result result = session.run(Map.of(model.inputs().get(0), tensor), outputs)) {
                for (String t : activations) {
                    ranges.merge(t, new Range(scalar(result, t + "/min"), scalar(result, t + "/max")), Range::union);
                }
            }
            images++;
        }

        public Map<String, Range> ranges() {
            if (images == 0) {
                throw new IllegalStateException("no calibration input given");
            }
            return Collections.unmodifiableMap(ranges);
        }

        @Override
        public void close() throws OrtException {
            try {
                session.close();
            } finally {
                options.close();
            }
        }
    }

    /**
     * The quantised model, with the activations' ranges from a {@link #calibration()}.
     *
     * @param weightBits 8 for weights in -127..127; 7 for -63..63, which keeps ONNX Runtime's integer kernels exact on
     *     CPUs without VNNI: there they add pairs of uint8 x int8 products in 16 bits (AVX2's {@code vpmaddubsw}),
     *     which saturate when both products are large, and 7-bit weights leave such a pair within range
     */
    public byte[] quantize(Map<String, Range> measured, int weightBits) {
        checkWeightBits(weightBits);
        int weightLimit = (1 << (weightBits - 1)) - 1;
        Map<String, Range> ranges = new HashMap<>(measured);
        for (Node n : model.nodes()) {
            if (quantized.contains(n) && RANGE_KEEPING.contains(n.opType())) {
                ranges.put(n.outputs().get(0), ranges.get(n.inputs().get(0)));
            }
        }
        Map<String, Tensor> initializers = new LinkedHashMap<>(model.initializers());
        for (String t : activations) {
            Range r = ranges.get(t);
            if (r == null) {
                throw new IllegalArgumentException("no calibrated range for " + t);
            }
            double scale = r.scale();
            add(initializers, Tensor.ofFloats(fresh(t + "/scale"), new long[0], (float) scale));
            add(initializers, Tensor.of(fresh(t + "/zero_point"), new long[0], OnnxModel.UINT8,
                    new byte[] {(byte) r.zeroPoint(scale)}));
        }
        List<Node> out = new ArrayList<>();
        Consumer<String> quantizeOutput = t -> out.add(Node.of("QuantizeLinear", t + "/QuantizeLinear",
                List.of(producedFloat(t) ? t + "/float" : t, t + "/scale", t + "/zero_point"),
                List.of(fresh(t + "/quantized"))));
        model.inputs().stream().filter(activations::contains).forEach(quantizeOutput);
        int index = 0;
        for (Node n : model.nodes()) {
            index++;
            if (!quantized.contains(n)) {
                out.add(n);
            } else {
                List<String> inputs = new ArrayList<>(n.inputs());
                for (int i = 0; i < dataInputs(n).size(); i++) {
                    String t = inputs.get(i);
                    String dequantized = fresh(t + "/dequantized/" + index + "." + i);
                    out.add(dequantize(t + "/quantized", t, dequantized));
                    inputs.set(i, dequantized);
                }
                if (n.opType().equals("Conv")) {
                    quantizeWeights(n, inputs, ranges.get(n.inputs().get(0)).scale(), weightLimit, initializers, out);
                }
                List<String> outputs = n.outputs().stream().map(o -> fresh(o + "/float")).toList();
                out.add(n.withTensors(inputs, outputs));
            }
            for (String o : n.outputs()) {
                if (!activations.contains(o)) {
                    continue;
                }
                quantizeOutput.accept(o);
                if (quantized.contains(n) && neededAsFloat(o)) {
                    out.add(dequantize(o + "/quantized", o, o));
                }
            }
        }
        // Weights and biases now stored as integers.
        Set<String> used = new HashSet<>();
        out.forEach(n -> used.addAll(n.inputs()));
        initializers.keySet().retainAll(used);
        return model.rewrite(out, initializers.values(), List.of());
    }

    /** IllegalArgumentException unless weights can be quantised on this many bits (7 or 8). */
    public static void checkWeightBits(int weightBits) {
        if (weightBits != 7 && weightBits != 8) {
            throw new IllegalArgumentException("weights are quantised on 7 or 8 bits, not " + weightBits);
        }
    }

    /** Per output channel, symmetric weights in -limit..limit; the bias as int32 on the scale input x weight. */
    private void quantizeWeights(Node conv, List<String> inputs, double inputScale, int limit,
            Map<String, Tensor> initializers, List<Node> out) {
        Tensor w = model.initializers().get(conv.inputs().get(1));
        float[] weights = w.floats();
        int channels = (int) w.dims()[0];
        int perChannel = weights.length / channels;
        float[] scales = new float[channels];
        byte[] q = new byte[weights.length];
        for (int c = 0; c < channels; c++) {
            float max = 0;
            for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                max = Math.max(max, Math.abs(weights[i]));
            }
            scales[c] = max == 0 ? 1f : max / limit;
            for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                q[i] = (byte) Math.clamp(Math.round(weights[i] / scales[c]), -limit, limit);
            }
        }
        String name = w.name();
        long[] channelDims = {channels};
        add(initializers, Tensor.of(fresh(name + "/quantized"), w.dims(), OnnxModel.INT8, q));
        add(initializers, Tensor.ofFloats(fresh(name + "/scale"), channelDims, scales));
        add(initializers, Tensor.of(fresh(name + "/zero_point"), channelDims, OnnxModel.INT8, new byte[channels]));
        String dequantized = fresh(name + "/dequantized/" + conv.name());
        out.add(dequantize(name + "/quantized", name, dequantized, "axis", 0));
        inputs.set(1, dequantized);
        if (conv.inputs().size() > 2 && !conv.inputs().get(2).isEmpty()) {
            Tensor b = model.initializers().get(conv.inputs().get(2));
            float[] bias = b.floats();
            float[] biasScales = new float[channels];
            int[] qb = new int[channels];
            for (int c = 0; c < channels; c++) {
                biasScales[c] = (float) (inputScale * scales[c]);
                qb[c] = (int) Math.clamp(Math.round((double) bias[c] / biasScales[c]), Integer.MIN_VALUE,
                        Integer.MAX_VALUE);
            }
            String bn = b.name() + "/" + conv.name();
            add(initializers, Tensor.ofInts(fresh(bn + "/quantized"), channelDims, qb));
            add(initializers, Tensor.ofFloats(fresh(bn + "/scale"), channelDims, biasScales));
            add(initializers, Tensor.ofInts(fresh(bn + "/zero_point"), channelDims, new int[channels]));
            String biasDequantized = fresh(bn + "/dequantized");
            out.add(dequantize(bn + "/quantized", bn, biasDequantized, "axis", 0));
            inputs.set(2, biasDequantized);
        }
    }

    private static Node dequantize(String quantized, String parameters, String output, Object... attributes) {
        return Node.of("DequantizeLinear", output + "/DequantizeLinear",
                List.of(quantized, parameters + "/scale", parameters + "/zero_point"), List.of(output), attributes);
    }

    /** True when a quantised node's output is also read as float: a graph output, or a float consumer. */
    private boolean neededAsFloat(String t) {
        if (model.outputs().contains(t)) {
            return true;
        }
        for (Node c : consumers.getOrDefault(t, List.of())) {
            if (!quantized.contains(c) || c.inputs().subList(dataInputs(c).size(), c.inputs().size()).contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** True when the tensor's producer is quantised, so that the producer writes it under another name. */
    private boolean producedFloat(String t) {
        return quantizedOutputs.contains(t);
    }

    private boolean quantizable(Node n) {
        if (!n.isStandard() || !OPERATORS.contains(n.opType()) || n.outputs().size() != 1) {
            return false;
        }
        Map<String, Tensor> initializers = model.initializers();
        for (String input : dataInputs(n)) {
            if (input.isEmpty() || initializers.containsKey(input)) {
                return false; // constants (e.g. a Mul by a fixed factor) stay float
            }
        }
        if (n.opType().equals("Conv")) {
            Tensor w = n.inputs().size() > 1 ? initializers.get(n.inputs().get(1)) : null;
            Tensor b = n.inputs().size() > 2 && !n.inputs().get(2).isEmpty() ? initializers.get(n.inputs().get(2)) : null;
            boolean biasOk = n.inputs().size() < 3 || n.inputs().get(2).isEmpty()
                    || (b != null && b.dataType() == OnnxModel.FLOAT && !b.external());
            return w != null && w.dataType() == OnnxModel.FLOAT && !w.external() && w.dims().length >= 2 && biasOk;
        }
        return true;
    }

    /** The inputs that carry data (a Conv's weights and bias, a Resize's sizes, are parameters). */
    private static List<String> dataInputs(Node n) {
        return n.opType().equals("Conv") || n.opType().equals("Resize") ? n.inputs().subList(0, 1) : n.inputs();
    }

    /** The nodes with a convolution downstream of them, convolutions included. */
    private static Set<Node> upstreamOfConvolutions(List<Node> nodes, Map<String, Node> producers) {
        Set<Node> upstream = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> work = new ArrayDeque<>();
        nodes.stream().filter(n -> n.opType().equals("Conv")).forEach(work::add);
        while (!work.isEmpty()) {
            for (String input : work.poll().inputs()) {
                Node p = producers.get(input);
                if (p != null && upstream.add(p)) {
                    work.add(p);
                }
            }
        }
        return upstream;
    }

    private static void add(Map<String, Tensor> initializers, Tensor t) {
        initializers.put(t.name(), t);
    }

    /** A name this class adds: refused when the model already uses it. */
    private String fresh(String name) {
        if (names.contains(name)) {
            throw new IllegalArgumentException("the model already has a tensor named '" + name
                    + "', a name quantisation adds; rename it in the model");
        }
        return name;
    }

    private static float scalar(OrtSession.Result result, String name) throws OrtException {
        return ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer().get(0);
    }

    /** The values an activation took on the calibration images. */
    public record Range(float min, float max) {

        Range union(Range other) {
            return new Range(Math.min(min, other.min), Math.max(max, other.max));
        }

        /** uint8 over the range widened to include 0 (zero padding must stay exact). */
        double scale() {
            double s = (Math.max(0, max) - Math.min(0, min)) / 255.0;
            return s > 0 ? s : 1.0;
        }

        int zeroPoint(double scale) {
            return (int) Math.clamp(Math.round(-Math.min(0, min) / scale), 0, 255);
        }
    }
}
