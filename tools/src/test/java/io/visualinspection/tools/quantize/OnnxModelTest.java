package io.visualinspection.tools.quantize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import io.visualinspection.tools.quantize.OnnxModel.Node;
import io.visualinspection.tools.quantize.OnnxModel.Tensor;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnnxModelTest {

    @Test
    void aModelReadsAsItsGraph() throws Exception {
        OnnxModel model = OnnxModel.parse(TinyModel.convSiluConv(13, 1));
        assertThat(model.opsetVersion()).isEqualTo(13);
        assertThat(model.inputs()).containsExactly("x");
        assertThat(model.outputs()).containsExactly("y");
        assertThat(model.nodes()).extracting(Node::opType).containsExactly("Conv", "Sigmoid", "Mul", "Conv");
        assertThat(model.nodes().get(0).inputs()).containsExactly("x", "w1", "b1");
        assertThat(model.initializers()).containsOnlyKeys("w1", "b1", "w2");
        assertThat(model.initializers().get("w1").dims()).containsExactly(4, 3, 3, 3);
        assertThat(model.initializers().get("w1").floats()).hasSize(4 * 3 * 3 * 3);
    }

    /** Nodes renamed and written back keep their attributes: ONNX Runtime computes the same. */
    @Test
    void aRewrittenModelComputesTheSame() throws Exception {
        byte[] original = TinyModel.convSiluConv(13, 3);
        OnnxModel model = OnnxModel.parse(original);
        List<Node> renamed = model.nodes().stream().map(n -> n.withTensors(
                n.inputs().stream().map(i -> i.equals("c1") ? "renamed" : i).toList(),
                n.outputs().stream().map(o -> o.equals("c1") ? "renamed" : o).toList())).toList();
        byte[] rewritten = model.rewrite(renamed, model.initializers().values(), List.of("renamed"));

        OnnxModel again = OnnxModel.parse(rewritten);
        assertThat(again.outputs()).containsExactly("y", "renamed");
        assertThat(again.nodes().get(0).outputs()).containsExactly("renamed");
        FloatBuffer input = QdqQuantizerTest.inputs(new Random(4), 1).get(0);
        assertThat(QdqQuantizerTest.run(rewritten, input)).containsExactly(QdqQuantizerTest.run(original, input));
    }

    /** Exporters store floats either as raw bytes or as packed float_data; both read alike. */
    @Test
    void floatDataReadsLikeRawData() throws Exception {
        float[] values = {1.5f, -2.25f, 0f, 3e-7f};
        Tensor raw = Tensor.ofFloats("t", new long[] {2, 2}, values);
        ByteString.Output out = ByteString.newOutput();
        CodedOutputStream coded = CodedOutputStream.newInstance(out);
        for (float v : values) {
            coded.writeFloatNoTag(v);
        }
        coded.flush();
        ByteString packed = out.toByteString();
        UnknownFieldSet withFloatData = UnknownFieldSet.newBuilder()
                .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(2).addVarint(2).build())
                .addField(2, UnknownFieldSet.Field.newBuilder().addVarint(OnnxModel.FLOAT).build())
                .addField(4, UnknownFieldSet.Field.newBuilder().addLengthDelimited(packed).build())
                .addField(8, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("t")).build())
                .build();
        Tensor parsed = Tensor.parse(withFloatData.toByteString());
        assertThat(parsed.dims()).containsExactly(2, 2);
        assertThat(parsed.floats()).containsExactly(values);
        assertThat(Tensor.parse(raw.proto()).floats()).containsExactly(values);
    }

    @Test
    void bytesThatAreNotAModelAreRefused() {
        assertThatThrownBy(() -> OnnxModel.parse("not a model".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageStartingWith("not an ONNX model");
        assertThatThrownBy(() -> OnnxModel.parse(new byte[0]))
                .isInstanceOf(IOException.class).hasMessage("not an ONNX model: no graph");
    }
}
