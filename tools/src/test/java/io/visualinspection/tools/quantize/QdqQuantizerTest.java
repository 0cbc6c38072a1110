package io.visualinspection.tools.quantize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.visualinspection.tools.quantize.OnnxModel.Node;
import io.visualinspection.tools.quantize.QdqQuantizer.Range;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QdqQuantizerTest {

    /**
     * Calibrated on random inputs, the quantised model computes what the float model does on other random inputs,
     * within the error 8 bits allow; the convolution producing the output keeps its float weights. With 8-bit weights
     * only on a CPU with VNNI: elsewhere ONNX Runtime adds pairs of products in 16 bits, which such weights overflow
     * (on an AVX2 CPU the largest difference was 1.5 x the bound).
     */
    @ParameterizedTest
    @ValueSource(ints = {7, 8})
    void theQuantisedModelComputesWhatTheFloatModelDoes(int weightBits) throws Exception {
        byte[] original = TinyModel.convSiluConv(13, 1);
        QdqQuantizer quantizer = QdqQuantizer.plan(OnnxModel.parse(original));
        assertThat(quantizer.quantizedConvolutions()).isEqualTo(1);
        assertThat(quantizer.convolutions()).isEqualTo(2);
        assertThat(quantizer.quantizedNodes()).isEqualTo(3); // conv1, its Sigmoid and Mul

        Random random = new Random(2);
        Map<String, Range> ranges;
        try (QdqQuantizer.Calibration calibration = quantizer.calibration()) {
            for (FloatBuffer input : inputs(random, 20)) {
                calibration.add(input, TinyModel.INPUT_SHAPE);
            }
            ranges = calibration.ranges();
        }
        assertThat(ranges).containsOnlyKeys("x", "c1", "s1", "m1");
        assertThat(ranges.get("s1").min()).isGreaterThan(0f);
        assertThat(ranges.get("s1").max()).isLessThan(1f);
        byte[] quantized = quantizer.quantize(ranges, weightBits);

        OnnxModel q = OnnxModel.parse(quantized);
        assertThat(q.nodes()).extracting(Node::opType).contains("QuantizeLinear", "DequantizeLinear");
        Node conv1 = node(q, "conv1");
        assertThat(conv1.inputs()).allSatisfy(i -> assertThat(i).contains("/dequantized"));
        assertThat(node(q, "conv2").inputs()).containsExactly("m1", "w2");
        assertThat(q.initializers()).doesNotContainKeys("w1", "b1").containsKey("w2");
        assertThat(q.initializers().get("w1/quantized").dataType()).isEqualTo(OnnxModel.INT8);
        // Each output channel's largest weight takes the largest value the bits allow, none goes beyond it.
        assertThat(TinyModel.largestMagnitudePerChannel(q.initializers().get("w1/quantized")))
                .containsOnly(weightBits == 7 ? 63 : 127);
        assertThat(q.initializers().get("b1/conv1/quantized").dataType()).isEqualTo(OnnxModel.INT32);

        if (weightBits == 8 && !CpuFeatures.vnni().orElse(false)) {
            Assumptions.abort("8-bit weights are exact in ONNX Runtime only on a CPU with VNNI, which this one is "
                    + "not known to have (/proc/cpuinfo)");
        }
        double worst = 0;
        double span = 0;
        for (FloatBuffer input : inputs(random, 5)) {
            float[] expected = run(original, input);
            float[] actual = run(quantized, input);
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
                span = Math.max(span, Math.abs(expected[i]));
            }
        }
        assertThat(span).isGreaterThan(0.1);
        assertThat(worst).as("largest difference, against outputs up to %.3f", span).isLessThan(0.03 * span);
    }

    @Test
    void weightsAreQuantisedOnSevenOrEightBitsOnly() throws Exception {
        QdqQuantizer quantizer = QdqQuantizer.plan(OnnxModel.parse(TinyModel.convSiluConv(13, 1)));
        Map<String, Range> ranges;
        try (QdqQuantizer.Calibration calibration = quantizer.calibration()) {
            calibration.add(inputs(new Random(3), 1).get(0), TinyModel.INPUT_SHAPE);
            ranges = calibration.ranges();
        }
        for (int bits : new int[] {6, 9}) {
            assertThatThrownBy(() -> quantizer.quantize(ranges, bits)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights are quantised on 7 or 8 bits, not " + bits);
        }
    }

    @Test
    void anOperatorSetBefore13IsRefusedNamingTheVersionToExport() {
        assertThatThrownBy(() -> QdqQuantizer.plan(OnnxModel.parse(TinyModel.convSiluConv(12, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator set 12").hasMessageContaining("opset >= 13");
    }

    @Test
    void aModelWithoutConvolutionsIsRefused() {
        assertThatThrownBy(() -> QdqQuantizer.plan(OnnxModel.parse(TinyModel.sigmoidOnly())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no convolution to quantise");
    }

    /** Zero must be exactly representable (zero padding); a range is widened to include it. */
    @Test
    void aRangeIsWidenedToZeroAndZeroMapsToAnInteger() {
        Range positive = new Range(0.5f, 2f);
        assertThat(positive.scale()).isEqualTo(2 / 255.0);
        assertThat(positive.zeroPoint(positive.scale())).isZero();

        Range negative = new Range(-3f, -1f);
        assertThat(negative.scale()).isEqualTo(3 / 255.0);
        assertThat(negative.zeroPoint(negative.scale())).isEqualTo(255);

        Range both = new Range(-1f, 3f);
        double scale = both.scale();
        assertThat(scale).isEqualTo(4 / 255.0);
        assertThat(both.zeroPoint(scale) * scale).isCloseTo(1.0, org.assertj.core.data.Offset.offset(scale / 2));

        assertThat(new Range(0f, 0f).scale()).isEqualTo(1.0);
        assertThat(new Range(-1f, 1f).union(new Range(-0.5f, 4f))).isEqualTo(new Range(-1f, 4f));
    }

    private static Node node(OnnxModel model, String name) {
        return model.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    static List<FloatBuffer> inputs(Random random, int count) {
        List<FloatBuffer> inputs = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            FloatBuffer b = FloatBuffer.allocate(3 * 8 * 8);
            for (int i = 0; i < b.capacity(); i++) {
                b.put(random.nextFloat());
            }
            inputs.add(b.flip());
        }
        return inputs;
    }

    static float[] run(byte[] model, FloatBuffer input) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model, options);
                OnnxTensor x = OnnxTensor.createTensor(env, input.duplicate().rewind(), TinyModel.INPUT_SHAPE);
                OrtSession.Result result = session.run(Map.of("x", x))) {
            FloatBuffer y = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[y.remaining()];
            y.get(values);
            return values;
        }
    }
}
