package cyborg.io.torch;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A restricted unpickler for the data structures {@code torch.save} writes. It never runs code:
 * the few callables it knows ({@link KnownGlobal}) are interpreted here, and any other global is
 * kept as an inert name whose "result" is an {@link OpaqueObject}.
 *
 * <p>Values: {@code None} is null, ints are {@link Long} (or {@link BigInteger} past 64 bits),
 * floats {@link Double}, str {@link String}, bytes {@code byte[]}, tuples unmodifiable lists, lists
 * {@link ArrayList}, dicts and OrderedDicts {@link LinkedHashMap} (insertion order), sets
 * {@link java.util.LinkedHashSet}, tensors {@link TensorRef}.
 *
 * <p>Covers protocols 2 to 5 (torch uses 2 by default); the text opcodes of protocols 0/1 are
 * rejected since torch never writes them.
 */
final class TorchUnpickler {
    /** Turns a persistent id (a BINPERSID operand) into the object it stands for. */
    @FunctionalInterface
    interface PersistentLoader {
        Object load(Object pid) throws IOException;
    }

    private final byte[] in;
    private int pos;
    private final PersistentLoader persistent;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private TorchUnpickler(byte[] in, PersistentLoader persistent) {
        this.in = in;
        this.persistent = persistent;
    }

    /** Unpickles {@code pickle} completely; messages of thrown exceptions start with "data.pkl". */
    static Object load(byte[] pickle, PersistentLoader persistent) throws IOException {
        TorchUnpickler u = new TorchUnpickler(pickle, persistent);
        try {
            return u.run();
        } catch (ClassCastException | IndexOutOfBoundsException | IllegalArgumentException
                 | UnsupportedOperationException | NullPointerException e) {
            // a malformed pickle: operands of the wrong kind, a stack underflow...
            throw new IOException("data.pkl is malformed near byte " + u.pos + ": " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private Object run() throws IOException {
        while (true) {
            int op = u8();
            switch (op) {
                case 0x80: // PROTO
                    int proto = u8();
                    if (proto > 5) {
                        throw new IOException("data.pkl uses pickle protocol " + proto + " (at most 5 supported)");
                    }
                    break;
                case 0x95: // FRAME: framing is only a read-ahead hint
                    take(8);
                    break;
                case '.': // STOP
                    return pop();
                case '(': // MARK
                    marks.add(stack.size());
                    break;
                case '0': // POP
                    pop();
                    break;
                case '1': // POP_MARK
                    popMark();
                    break;
                case '2': // DUP
                    push(peek());
                    break;
                case 'N':
                    push(null);
                    break;
                case 0x88: // NEWTRUE
                    push(Boolean.TRUE);
                    break;
                case 0x89: // NEWFALSE
                    push(Boolean.FALSE);
                    break;
                case 'J': // BININT: signed 32-bit
                    push((long) le(4).getInt());
                    break;
                case 'K': // BININT1
                    push((long) u8());
                    break;
                case 'M': // BININT2
                    push((long) (le(2).getShort() & 0xffff));
                    break;
                case 0x8a: // LONG1
                    push(longOf(take(u8())));
                    break;
                case 0x8b: // LONG4
                    push(longOf(take(length(le(4).getInt()))));
                    break;
                case 'G': // BINFLOAT: big-endian double
                    push(ByteBuffer.wrap(take(8)).getDouble());
                    break;
                case 'X': // BINUNICODE
                    push(utf8(take(length(le(4).getInt()))));
                    break;
                case 0x8c: // SHORT_BINUNICODE
                    push(utf8(take(u8())));
                    break;
                case 0x8d: // BINUNICODE8
                    push(utf8(take(length(le(8).getLong()))));
                    break;
                case 'B': // BINBYTES
                    push(take(length(le(4).getInt())));
                    break;
                case 'C': // SHORT_BINBYTES
                    push(take(u8()));
                    break;
                case 0x8e: // BINBYTES8
                    push(take(length(le(8).getLong())));
                    break;
                case ')': // EMPTY_TUPLE
                    push(List.of());
                    break;
                case 't': // TUPLE
                    push(tuple(popMark()));
                    break;
                case 0x85: // TUPLE1
                    push(tuple(popN(1)));
                    break;
                case 0x86: // TUPLE2
                    push(tuple(popN(2)));
                    break;
                case 0x87: // TUPLE3
                    push(tuple(popN(3)));
                    break;
                case ']': // EMPTY_LIST
                    push(new ArrayList<>());
                    break;
                case 'l': // LIST
                    push(new ArrayList<>(popMark()));
                    break;
                case 'a': { // APPEND
                    Object v = pop();
                    ((List<Object>) peek()).add(v);
                    break;
                }
                case 'e': { // APPENDS
                    List<Object> items = popMark();
                    ((List<Object>) peek()).addAll(items);
                    break;
                }
                case '}': // EMPTY_DICT
                    push(new LinkedHashMap<>());
                    break;
                case 'd': { // DICT
                    Map<Object, Object> m = new LinkedHashMap<>();
                    putAll(m, popMark());
                    push(m);
                    break;
                }
                case 's': { // SETITEM
                    Object v = pop();
                    Object k = pop();
                    ((Map<Object, Object>) peek()).put(k, v);
                    break;
                }
                case 'u': { // SETITEMS
                    List<Object> kv = popMark();
                    putAll((Map<Object, Object>) peek(), kv);
                    break;
                }
                case 0x8f: // EMPTY_SET
                    push(new java.util.LinkedHashSet<>());
                    break;
                case 0x90: { // ADDITEMS
                    List<Object> items = popMark();
                    ((Set<Object>) peek()).addAll(items);
                    break;
                }
                case 0x91: // FROZENSET
                    push(Collections.unmodifiableSet(new java.util.LinkedHashSet<>(popMark())));
                    break;
                case 'c': { // GLOBAL "module\nname\n"
                    String module = line();
                    String name = line();
                    push(KnownGlobal.resolve(module, name));
                    break;
                }
                case 0x93: { // STACK_GLOBAL
                    String name = (String) pop();
                    String module = (String) pop();
                    push(KnownGlobal.resolve(module, name));
                    break;
                }
                case 'R': { // REDUCE: callable(*args)
                    List<Object> args = (List<Object>) pop();
                    Object callable = pop();
                    push(call(callable, args));
                    break;
                }
                case 0x81: { // NEWOBJ: cls.__new__(cls, *args)
                    pop();
                    push(instantiate(pop()));
                    break;
                }
                case 0x92: { // NEWOBJ_EX
                    pop();
                    pop();
                    push(instantiate(pop()));
                    break;
                }
                case 'b': // BUILD: obj.__setstate__(state)
                    // The only states torch writes that matter are none: an OrderedDict's
                    // _metadata (module versions) and the __dict__ of opaque objects.
                    pop();
                    break;
                case 'Q': // BINPERSID
                    push(persistent.load(pop()));
                    break;
                case 'q': // BINPUT
                    memo.put((long) u8(), peek());
                    break;
                case 'r': // LONG_BINPUT
                    memo.put(le(4).getInt() & 0xffffffffL, peek());
                    break;
                case 0x94: // MEMOIZE
                    memo.put((long) memo.size(), peek());
                    break;
                case 'h': // BINGET
                    push(memoGet(u8()));
                    break;
                case 'j': // LONG_BINGET
                    push(memoGet(le(4).getInt() & 0xffffffffL));
                    break;
                default:
                    throw new IOException(String.format(
                            "data.pkl has pickle opcode 0x%02x at byte %d, which torch checkpoints do not use",
                            op, pos - 1));
            }
        }
    }

    /** Interprets a REDUCE. Only whitelisted callables do anything; others yield a placeholder. */
    private Object call(Object callable, List<Object> args) throws IOException {
        if (callable == KnownGlobal.ORDERED_DICT) {
            Map<Object, Object> m = new LinkedHashMap<>();
            if (!args.isEmpty() && args.get(0) instanceof List<?> pairs) { // OrderedDict([(k, v), ...])
                for (Object pair : pairs) {
                    List<?> kv = (List<?>) pair;
                    m.put(kv.get(0), kv.get(1));
                }
            }
            return m;
        }
        if (callable == KnownGlobal.REBUILD_TENSOR_V2) {
            return rebuildTensor(args);
        }
        if (callable == KnownGlobal.REBUILD_PARAMETER) {
            // a Parameter is its data plus requires_grad, which cyborg does not keep
            return args.get(0);
        }
        if (callable instanceof PickleGlobal g) {
            return new OpaqueObject(g);
        }
        if (callable instanceof OpaqueObject o) {
            return o;
        }
        throw new IOException("data.pkl calls " + describe(callable) + ", which is not callable here");
    }

    private static Object instantiate(Object cls) throws IOException {
        if (cls instanceof PickleGlobal g) {
            return new OpaqueObject(g);
        }
        throw new IOException("data.pkl instantiates " + describe(cls) + ", which is not a class here");
    }

    private static TensorRef rebuildTensor(List<Object> args) throws IOException {
        if (args.size() < 4 || !(args.get(0) instanceof StorageRef storage)) {
            throw new IOException("data.pkl: _rebuild_tensor_v2 without a storage (" + args.size() + " arguments)");
        }
        long offset = (Long) args.get(1);
        long[] size = longs(args.get(2));
        long[] stride = longs(args.get(3));
        if (size.length != stride.length) {
            throw new IOException("data.pkl: tensor with size " + java.util.Arrays.toString(size)
                    + " but stride " + java.util.Arrays.toString(stride));
        }
        return new TensorRef(storage, offset, size, stride);
    }

    private static long[] longs(Object tuple) {
        List<?> l = (List<?>) tuple;
        long[] v = new long[l.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (Long) l.get(i);
        }
        return v;
    }

    static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof String s) {
            return "'" + s + "'";
        }
        if (o instanceof Long || o instanceof BigInteger) {
            return "the int " + o;
        }
        if (o instanceof Double) {
            return "the float " + o;
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (o instanceof TensorRef) {
            return "a tensor";
        }
        if (o instanceof OpaqueObject || o instanceof PickleGlobal || o instanceof StorageType) {
            return o.toString();
        }
        if (o instanceof Map) {
            return "a dict";
        }
        if (o instanceof List) {
            return "a list or tuple";
        }
        return "a " + o.getClass().getSimpleName() + " (" + o + ")";
    }

    private static void putAll(Map<Object, Object> m, List<Object> kv) throws IOException {
        if (kv.size() % 2 != 0) {
            throw new IOException("data.pkl: odd number of items in a dict");
        }
        for (int i = 0; i < kv.size(); i += 2) {
            m.put(kv.get(i), kv.get(i + 1));
        }
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** Python's little-endian two's-complement long encoding; a Long when it fits. */
    private static Object longOf(byte[] le) {
        if (le.length == 0) {
            return 0L;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private Object memoGet(long index) throws IOException {
        if (!memo.containsKey(index)) {
            throw new IOException("data.pkl refers to memo entry " + index + ", which was never stored");
        }
        return memo.get(index);
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) {
        List<Object> tail = stack.subList(stack.size() - n, stack.size());
        List<Object> items = new ArrayList<>(tail);
        tail.clear();
        return items;
    }

    private List<Object> popMark() throws IOException {
        if (marks.isEmpty()) {
            throw new IOException("data.pkl: MARK expected but missing");
        }
        int mark = marks.remove(marks.size() - 1);
        return popN(stack.size() - mark);
    }

    private int u8() throws IOException {
        if (pos >= in.length) {
            throw new IOException("data.pkl ends early, at byte " + pos + " (no STOP opcode)");
        }
        return in[pos++] & 0xff;
    }

    /** {@code n} bytes; the check against the remaining input keeps a corrupt length from allocating gigabytes. */
    private byte[] take(int n) throws IOException {
        if (n < 0 || n > in.length - pos) {
            throw new IOException("data.pkl ends early: " + n + " bytes wanted at byte " + pos);
        }
        byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    private ByteBuffer le(int n) throws IOException {
        return ByteBuffer.wrap(take(n)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private int length(long n) throws IOException {
        if (n < 0 || n > in.length - pos) {
            throw new IOException("data.pkl ends early: " + n + " bytes wanted at byte " + pos);
        }
        return (int) n;
    }

    private String line() throws IOException {
        int start = pos;
        while (u8() != '\n') {
            // scan to the newline that ends a GLOBAL operand
        }
        return new String(in, start, pos - 1 - start, StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
