package cyborg.web.v2;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An inference request ({@code $inference_request}): its id, input tensors and the names of the
 * outputs asked for (empty: the model's default outputs). Parsed as a stream, so a large FP32
 * tensor becomes one float array without a JSON tree in between; tensor data may be nested
 * ({@code [[1, 2], [3, 4]]}) or flat, as the protocol allows. Parameters are read and ignored:
 * cyborg defines none.
 */
public record InferenceRequest(String id, List<RequestInput> inputs, List<String> outputs) {
    /** Parses and checks a request body without element limits (see {@link #parse(Reader, int, long)}). */
    public static InferenceRequest parse(Reader body) {
        return parse(body, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Parses and checks a request body: valid JSON, the fields' types, each tensor's element count
     * against its shape, numbers within FP32's range. An input may hold at most {@code maxStrings}
     * strings or {@code maxNumbers} numbers, refused while reading: a body of many tiny elements
     * would otherwise take many times its size in memory.
     */
    public static InferenceRequest parse(Reader body, int maxStrings, long maxNumbers) {
        try {
            JsonReader r = new JsonReader(body);
            if (r.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ProtocolException("the body must be a JSON object with \"inputs\" (the protocol's"
                        + " $inference_request)");
            }
            String id = null;
            List<RequestInput> inputs = null;
            List<String> outputs = List.of();
            r.beginObject();
            while (r.hasNext()) {
                switch (r.nextName()) {
                    case "id" -> id = string(r, "\"id\"");
                    case "inputs" -> inputs = inputs(r, maxStrings, maxNumbers);
                    case "outputs" -> outputs = outputs(r);
                    default -> r.skipValue(); // "parameters", and fields of later protocol versions
                }
            }
            r.endObject();
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new ProtocolException("the body holds more than one JSON value");
            }
            if (inputs == null || inputs.isEmpty()) {
                throw new ProtocolException("the request has no \"inputs\": give at least one input tensor");
            }
            return new InferenceRequest(id, List.copyOf(inputs), List.copyOf(outputs));
        } catch (IOException | IllegalStateException | JsonParseException | NumberFormatException | ArithmeticException e) {
            throw new ProtocolException("the body is not valid JSON of an inference request: " + gsonMessage(e));
        }
    }

    /** The parser's message without its advice to the programmer (lenient mode, a troubleshooting URL). */
    private static String gsonMessage(Exception e) {
        String m = String.valueOf(e.getMessage());
        int see = m.indexOf("\nSee ");
        m = see >= 0 ? m.substring(0, see) : m;
        return m.replaceAll("Use JsonReader\\.set\\w+\\([^)]*\\) to accept malformed JSON at ", "at ").strip();
    }

    private static List<RequestInput> inputs(JsonReader r, int maxStrings, long maxNumbers) throws IOException {
        List<RequestInput> inputs = new ArrayList<>();
        expect(r, JsonToken.BEGIN_ARRAY, "\"inputs\" must be an array of input tensors");
        r.beginArray();
        while (r.hasNext()) {
            inputs.add(input(r, inputs.size(), maxStrings, maxNumbers));
        }
        r.endArray();
        return inputs;
    }

    private static RequestInput input(JsonReader r, int index, int maxStrings, long maxNumbers) throws IOException {
        expect(r, JsonToken.BEGIN_OBJECT, "inputs[" + index + "] must be an object with name, shape, datatype, data");
        String name = null;
        String datatype = null;
        long[] shape = null;
        Elements data = null;
        r.beginObject();
        while (r.hasNext()) {
            switch (r.nextName()) {
                case "name" -> name = string(r, "inputs[" + index + "].name");
                case "datatype" -> datatype = string(r, "inputs[" + index + "].datatype");
                case "shape" -> shape = shape(r, "inputs[" + index + "].shape");
                case "data" -> {
                    expect(r, JsonToken.BEGIN_ARRAY, "inputs[" + index + "].data must be an array (nested or flat)");
                    data = new Elements("inputs[" + index + "].data", maxStrings, maxNumbers);
                    data.read(r);
                }
                default -> r.skipValue(); // "parameters"
            }
        }
        r.endObject();
        String label = name == null ? "inputs[" + index + "]" : "input '" + name + "'";
        if (name == null || datatype == null || shape == null || data == null) {
            throw new ProtocolException(label + " needs \"name\", \"shape\", \"datatype\" and \"data\"");
        }
        Datatype type = Datatype.parse(datatype, name);
        long expected = 1;
        for (long d : shape) {
            expected = Math.multiplyExact(expected, d);
        }
        RequestInput input = data.toInput(name, type, shape);
        if (input.count() != expected) {
            throw new ProtocolException(label + " has " + input.count() + " elements; its shape "
                    + Arrays.toString(shape) + " holds " + expected);
        }
        if (type == Datatype.BYTES && input.strings() == null && input.count() > 0) {
            throw new ProtocolException(label + " is BYTES: its data must be strings");
        }
        if (type != Datatype.BYTES && input.numbers() == null && input.count() > 0) {
            throw new ProtocolException(label + " is " + type + ": its data must be numbers");
        }
        return input;
    }

    private static List<String> outputs(JsonReader r) throws IOException {
        List<String> names = new ArrayList<>();
        expect(r, JsonToken.BEGIN_ARRAY, "\"outputs\" must be an array of {\"name\": ...} objects");
        r.beginArray();
        while (r.hasNext()) {
            String label = "outputs[" + names.size() + "]";
            expect(r, JsonToken.BEGIN_OBJECT, label + " must be an object with a name");
            String name = null;
            r.beginObject();
            while (r.hasNext()) {
                if (r.nextName().equals("name")) {
                    name = string(r, label + ".name");
                } else {
                    r.skipValue(); // "parameters" (e.g. binary_data: answered as JSON all the same)
                }
            }
            r.endObject();
            if (name == null) {
                throw new ProtocolException(label + " has no \"name\"");
            }
            names.add(name);
        }
        r.endArray();
        return names;
    }

    private static long[] shape(JsonReader r, String what) throws IOException {
        expect(r, JsonToken.BEGIN_ARRAY, what + " must be an array of dimensions");
        List<Long> dims = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
            expect(r, JsonToken.NUMBER, what + " must hold whole numbers");
            String text = r.nextString();
            long d;
            try {
                d = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new ProtocolException(what + " must hold whole numbers, not " + text);
            }
            if (d < 0) {
                throw new ProtocolException(what + " must hold dimensions of 0 or more, not " + d);
            }
            dims.add(d);
        }
        r.endArray();
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static String string(JsonReader r, String what) throws IOException {
        expect(r, JsonToken.STRING, what + " must be a string");
        return r.nextString();
    }

    private static void expect(JsonReader r, JsonToken token, String message) throws IOException {
        if (r.peek() != token) {
            throw new ProtocolException(message);
        }
    }

    /** A tensor's elements while they are read: numbers or strings, not both. */
    private static final class Elements {
        private final String what;
        private final int maxStrings;
        private final long maxNumbers;
        private float[] numbers = new float[0];
        private int count;
        private List<String> strings;

        Elements(String what, int maxStrings, long maxNumbers) {
            this.what = what;
            this.maxStrings = maxStrings;
            this.maxNumbers = maxNumbers;
        }

        /** Reads a (nested) array of elements, row-major. */
        void read(JsonReader r) throws IOException {
            r.beginArray();
            while (r.hasNext()) {
                switch (r.peek()) {
                    case BEGIN_ARRAY -> read(r);
                    case NUMBER -> number(Float.parseFloat(r.nextString()));
                    case BOOLEAN -> number(r.nextBoolean() ? 1 : 0);
                    case STRING -> string(r.nextString());
                    default -> throw new ProtocolException(what + " may hold numbers, booleans, strings and arrays of"
                            + " them, not " + r.peek());
                }
            }
            r.endArray();
        }

        private void number(float v) {
            if (strings != null) {
                throw mixed();
            }
            if (!Float.isFinite(v)) { // a JSON number beyond FP32's range parses as infinity
                throw new ProtocolException(what + ": element " + count + " is beyond the range of FP32");
            }
            if (count >= maxNumbers) {
                throw new ProtocolException(what + " holds more than " + maxNumbers + " numbers, more than this"
                        + " model can take in one request");
            }
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, Math.max(16, numbers.length * 2));
            }
            numbers[count++] = v;
        }

        private void string(String s) {
            if (count > 0) {
                throw mixed();
            }
            if (strings == null) {
                strings = new ArrayList<>();
            }
            if (strings.size() >= maxStrings) {
                throw new ProtocolException(what + " holds more than " + maxStrings + " strings, more than this"
                        + " model can take in one request");
            }
            strings.add(s);
        }

        private ProtocolException mixed() {
            return new ProtocolException(what + " mixes strings with numbers");
        }

        RequestInput toInput(String name, Datatype type, long[] shape) {
            if (strings != null) {
                return new RequestInput(name, type, shape, null, List.copyOf(strings));
            }
            return new RequestInput(name, type, shape, Arrays.copyOf(numbers, count), null);
        }
    }
}
