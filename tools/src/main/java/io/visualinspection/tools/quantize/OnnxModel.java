package io.visualinspection.tools.quantize;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model's main graph, read and rewritten on the protobuf wire format with the field numbers of
 * {@code onnx.proto}: no generated classes, and every field this class does not touch (metadata, attributes,
 * doc strings, shapes) is written back as it was read.
 */
public final class OnnxModel {

    // onnx.proto field numbers
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int NODE_DOMAIN = 7;
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_I = 3;
    private static final int ATTRIBUTE_TYPE = 20;
    private static final int ATTRIBUTE_TYPE_INT = 2;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_TYPE_ELEM_TYPE = 1;
    private static final int OPSET_DOMAIN = 1;
    private static final int OPSET_VERSION = 2;

    /** TensorProto.DataType values used here. */
    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int INT32 = 6;

    private final UnknownFieldSet model;
    private final UnknownFieldSet graph;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Tensor> initializers = new LinkedHashMap<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();

    private OnnxModel(UnknownFieldSet model, UnknownFieldSet graph) throws IOException {
        this.model = model;
        this.graph = graph;
        for (ByteString n : messages(graph, GRAPH_NODE)) {
            nodes.add(Node.parse(n));
        }
        for (ByteString t : messages(graph, GRAPH_INITIALIZER)) {
            Tensor tensor = Tensor.parse(t);
            initializers.put(tensor.name(), tensor);
        }
        for (ByteString v : messages(graph, GRAPH_INPUT)) {
            String name = string(UnknownFieldSet.parseFrom(v), VALUE_INFO_NAME);
            if (!initializers.containsKey(name)) {
                inputs.add(name);
            }
        }
        for (ByteString v : messages(graph, GRAPH_OUTPUT)) {
            outputs.add(string(UnknownFieldSet.parseFrom(v), VALUE_INFO_NAME));
        }
    }

    /** Parses a model; an IOException says what is wrong when the bytes are not an ONNX model. */
    public static OnnxModel parse(byte[] bytes) throws IOException {
        try {
            UnknownFieldSet model = UnknownFieldSet.parseFrom(bytes);
            List<ByteString> graphs = messages(model, MODEL_GRAPH);
            if (graphs.size() != 1) {
                throw new IOException("not an ONNX model: no graph");
            }
            return new OnnxModel(model, UnknownFieldSet.parseFrom(graphs.get(0)));
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("not an ONNX model: " + e.getMessage(), e);
        }
    }

    /** The graph's nodes in their (topological) order. */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The constant tensors (weights, biases...), by name, in the model's order. */
    public Map<String, Tensor> initializers() {
        return Collections.unmodifiableMap(initializers);
    }

    /** The graph inputs that are fed at run time (not initializers). */
    public List<String> inputs() {
        return List.copyOf(inputs);
    }

    public List<String> outputs() {
        return List.copyOf(outputs);
    }

    /** The version of the default ONNX operator set the model imports; 0 when it declares none. */
    public long opsetVersion() throws InvalidProtocolBufferException {
        for (ByteString o : messages(model, MODEL_OPSET_IMPORT)) {
            UnknownFieldSet opset = UnknownFieldSet.parseFrom(o);
            String domain = string(opset, OPSET_DOMAIN);
            if (domain.isEmpty() || domain.equals("ai.onnx")) {
                return opset.hasField(OPSET_VERSION) ? opset.getField(OPSET_VERSION).getVarintList().get(0) : 0;
            }
        }
        return 0;
    }

    /**
     * This model with other nodes and initializers, and with {@code extraFloatOutputs} added to its outputs (float
     * tensors of any shape).
     */
    public byte[] rewrite(List<Node> newNodes, Collection<Tensor> newInitializers, List<String> extraFloatOutputs) {
        List<ByteString> outputInfos = new ArrayList<>(messages(graph, GRAPH_OUTPUT));
        for (String name : extraFloatOutputs) {
            outputInfos.add(floatValueInfo(name));
        }
        UnknownFieldSet newGraph = graph.toBuilder()
                .clearField(GRAPH_NODE).addField(GRAPH_NODE, field(newNodes.stream().map(Node::proto).toList()))
                .clearField(GRAPH_INITIALIZER)
                .addField(GRAPH_INITIALIZER, field(newInitializers.stream().map(Tensor::proto).toList()))
                .clearField(GRAPH_OUTPUT).addField(GRAPH_OUTPUT, field(outputInfos))
                .build();
        return model.toBuilder().clearField(MODEL_GRAPH).addField(MODEL_GRAPH, field(List.of(newGraph.toByteString())))
                .build().toByteArray();
    }

    /** A node; {@code proto} is its NodeProto as written. */
    public record Node(String opType, String name, List<String> inputs, List<String> outputs, String domain,
            ByteString proto) {

        public Node {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        static Node parse(ByteString bytes) throws InvalidProtocolBufferException {
            UnknownFieldSet n = UnknownFieldSet.parseFrom(bytes);
            return new Node(string(n, NODE_OP_TYPE), string(n, NODE_NAME), strings(n, NODE_INPUT),
                    strings(n, NODE_OUTPUT), string(n, NODE_DOMAIN), bytes);
        }

        /** A new node of the default operator set with integer attributes (name, value, name, value...). */
        public static Node of(String opType, String name, List<String> inputs, List<String> outputs,
                Object... intAttributes) {
            UnknownFieldSet.Builder b = UnknownFieldSet.newBuilder()
                    .addField(NODE_INPUT, field(inputs.stream().map(ByteString::copyFromUtf8).toList()))
                    .addField(NODE_OUTPUT, field(outputs.stream().map(ByteString::copyFromUtf8).toList()))
                    .addField(NODE_NAME, field(List.of(ByteString.copyFromUtf8(name))))
                    .addField(NODE_OP_TYPE, field(List.of(ByteString.copyFromUtf8(opType))));
            List<ByteString> attributes = new ArrayList<>();
            for (int i = 0; i < intAttributes.length; i += 2) {
                attributes.add(UnknownFieldSet.newBuilder()
                        .addField(ATTRIBUTE_NAME, field(List.of(ByteString.copyFromUtf8((String) intAttributes[i]))))
                        .addField(ATTRIBUTE_I, varint(((Number) intAttributes[i + 1]).longValue()))
                        .addField(ATTRIBUTE_TYPE, varint(ATTRIBUTE_TYPE_INT))
                        .build().toByteString());
            }
            if (!attributes.isEmpty()) {
                b.addField(NODE_ATTRIBUTE, field(attributes));
            }
            return new Node(opType, name, inputs, outputs, "", b.build().toByteString());
        }

        /** The same node (attributes, domain and all) reading and writing other tensors. */
        public Node withTensors(List<String> newInputs, List<String> newOutputs) {
            try {
                UnknownFieldSet n = UnknownFieldSet.parseFrom(proto).toBuilder()
                        .clearField(NODE_INPUT)
                        .addField(NODE_INPUT, field(newInputs.stream().map(ByteString::copyFromUtf8).toList()))
                        .clearField(NODE_OUTPUT)
                        .addField(NODE_OUTPUT, field(newOutputs.stream().map(ByteString::copyFromUtf8).toList()))
                        .build();
                return new Node(opType, name, newInputs, newOutputs, domain, n.toByteString());
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("a node parsed once no longer parses", e);
            }
        }

        /** True for a node of ONNX's default operator set (not a vendor's domain). */
        public boolean isStandard() {
            return domain.isEmpty() || domain.equals("ai.onnx");
        }
    }

    /** A constant tensor; {@code proto} is its TensorProto as written. */
    public record Tensor(String name, long[] dims, int dataType, boolean external, ByteString proto) {

        static Tensor parse(ByteString bytes) throws IOException {
            UnknownFieldSet t = UnknownFieldSet.parseFrom(bytes);
            List<Long> dims = new ArrayList<>();
            if (t.hasField(TENSOR_DIMS)) {
                UnknownFieldSet.Field f = t.getField(TENSOR_DIMS);
                dims.addAll(f.getVarintList());
                for (ByteString packed : f.getLengthDelimitedList()) {
                    CodedInputStream in = packed.newCodedInput();
                    while (!in.isAtEnd()) {
                        dims.add(in.readInt64());
                    }
                }
            }
            int type = t.hasField(TENSOR_DATA_TYPE) ? t.getField(TENSOR_DATA_TYPE).getVarintList().get(0).intValue() : 0;
            boolean external = t.hasField(TENSOR_DATA_LOCATION)
                    && t.getField(TENSOR_DATA_LOCATION).getVarintList().contains(1L);
            return new Tensor(string(t, TENSOR_NAME), dims.stream().mapToLong(Long::longValue).toArray(), type,
                    external, bytes);
        }

        /** A new tensor from its little-endian bytes. */
        public static Tensor of(String name, long[] dims, int dataType, byte[] littleEndian) {
            UnknownFieldSet.Field.Builder d = UnknownFieldSet.Field.newBuilder();
            for (long dim : dims) {
                d.addVarint(dim);
            }
            UnknownFieldSet.Builder b = UnknownFieldSet.newBuilder();
            if (dims.length > 0) {
                b.addField(TENSOR_DIMS, d.build());
            }
            b.addField(TENSOR_DATA_TYPE, varint(dataType))
                    .addField(TENSOR_NAME, field(List.of(ByteString.copyFromUtf8(name))))
                    .addField(TENSOR_RAW_DATA, field(List.of(ByteString.copyFrom(littleEndian))));
            return new Tensor(name, dims.clone(), dataType, false, b.build().toByteString());
        }

        public static Tensor ofFloats(String name, long[] dims, float... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                b.putFloat(v);
            }
            return of(name, dims, FLOAT, b.array());
        }

        public static Tensor ofInts(String name, long[] dims, int... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                b.putInt(v);
            }
            return of(name, dims, INT32, b.array());
        }

        /** The values of a float tensor stored in the model (raw data or float_data). */
        public float[] floats() {
            if (dataType != FLOAT || external) {
                throw new IllegalStateException("tensor " + name + " is not a float tensor stored in the model");
            }
            try {
                UnknownFieldSet t = UnknownFieldSet.parseFrom(proto);
                if (t.hasField(TENSOR_RAW_DATA)) {
                    ByteBuffer raw = t.getField(TENSOR_RAW_DATA).getLengthDelimitedList().get(0).asReadOnlyByteBuffer()
                            .order(ByteOrder.LITTLE_ENDIAN);
                    float[] values = new float[raw.remaining() / 4];
                    raw.asFloatBuffer().get(values);
                    return values;
                }
                List<Float> values = new ArrayList<>();
                if (t.hasField(TENSOR_FLOAT_DATA)) {
                    UnknownFieldSet.Field f = t.getField(TENSOR_FLOAT_DATA);
                    f.getFixed32List().forEach(bits -> values.add(Float.intBitsToFloat(bits)));
                    for (ByteString packed : f.getLengthDelimitedList()) {
                        CodedInputStream in = packed.newCodedInput();
                        while (!in.isAtEnd()) {
                            values.add(in.readFloat());
                        }
                    }
                }
                float[] result = new float[values.size()];
                for (int i = 0; i < result.length; i++) {
                    result[i] = values.get(i);
                }
                return result;
            } catch (IOException e) {
                throw new IllegalStateException("tensor " + name + " cannot be read: " + e.getMessage(), e);
            }
        }

        /** The values of an 8-bit tensor (int8 or uint8) as written by {@link #of}: its raw data, one byte each. */
        public byte[] bytes() {
            if ((dataType != INT8 && dataType != UINT8) || external) {
                throw new IllegalStateException("tensor " + name + " is not an 8-bit tensor stored in the model");
            }
            try {
                UnknownFieldSet t = UnknownFieldSet.parseFrom(proto);
                if (!t.hasField(TENSOR_RAW_DATA)) {
                    throw new IllegalStateException("tensor " + name + " has no raw data");
                }
                return t.getField(TENSOR_RAW_DATA).getLengthDelimitedList().get(0).toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException("tensor " + name + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    private static ByteString floatValueInfo(String name) {
        ByteString tensorType = UnknownFieldSet.newBuilder().addField(TENSOR_TYPE_ELEM_TYPE, varint(FLOAT)).build()
                .toByteString();
        ByteString type = UnknownFieldSet.newBuilder().addField(TYPE_TENSOR, field(List.of(tensorType))).build()
                .toByteString();
        return UnknownFieldSet.newBuilder()
                .addField(VALUE_INFO_NAME, field(List.of(ByteString.copyFromUtf8(name))))
                .addField(VALUE_INFO_TYPE, field(List.of(type)))
                .build().toByteString();
    }

    private static List<ByteString> messages(UnknownFieldSet m, int number) {
        return m.hasField(number) ? m.getField(number).getLengthDelimitedList() : List.of();
    }

    private static String string(UnknownFieldSet m, int number) {
        List<ByteString> values = messages(m, number);
        return values.isEmpty() ? "" : values.get(0).toStringUtf8();
    }

    private static List<String> strings(UnknownFieldSet m, int number) {
        return messages(m, number).stream().map(ByteString::toStringUtf8).toList();
    }

    private static UnknownFieldSet.Field field(List<ByteString> values) {
        UnknownFieldSet.Field.Builder b = UnknownFieldSet.Field.newBuilder();
        values.forEach(b::addLengthDelimited);
        return b.build();
    }

    private static UnknownFieldSet.Field varint(long value) {
        return UnknownFieldSet.Field.newBuilder().addVarint(value).build();
    }
}
