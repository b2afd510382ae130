package cyborg.io.torch;

import cyborg.io.TensorData;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the pickle (protocol 2, torch's default) of an {@code OrderedDict} of tensors, opcode for
 * opcode what {@code torch.save(state_dict)} writes, minus the memo and the {@code _metadata}
 * attribute (module versions, which {@code load_state_dict} treats as optional). Each tensor gets
 * its own contiguous storage, keyed "0", "1", ... in map order.
 */
final class StateDictPickler {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private StateDictPickler() {}

    static byte[] pickle(Map<String, TensorData> tensors) {
        StateDictPickler p = new StateDictPickler();
        p.op(0x80).op(2); // PROTO 2
        p.global("collections", "OrderedDict").op(')').op('R'); // OrderedDict()
        int key = 0;
        int batch = 0;
        for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
            if (batch == 0) {
                p.op('(');
            }
            p.string(e.getKey());
            p.tensor(e.getValue(), Integer.toString(key++));
            // pickle batches SETITEMS by 1000 items; kept so the file looks like torch's own
            if (++batch == 1000) {
                p.op('u');
                batch = 0;
            }
        }
        if (batch > 0) {
            p.op('u');
        }
        p.op('.');
        return p.out.toByteArray();
    }

    /** {@code _rebuild_tensor_v2(persistent storage, 0, size, contiguous stride, False, OrderedDict())}. */
    private void tensor(TensorData t, String storageKey) {
        StorageType type = StorageType.forDtype(t.dtype());
        long numel = t.size();
        global("torch._utils", "_rebuild_tensor_v2");
        op('(');
        op('(').string("storage").global("torch", type.pickleName).string(storageKey).string("cpu").integer(numel).op('t');
        op('Q'); // BINPERSID
        integer(0); // storage offset
        tuple(t.shape());
        long[] stride = new long[t.shape().length];
        long step = 1;
        for (int d = stride.length - 1; d >= 0; d--) {
            stride[d] = step;
            step *= t.shape()[d];
        }
        tuple(stride);
        op(0x89); // requires_grad False
        global("collections", "OrderedDict").op(')').op('R'); // backward_hooks
        op('t').op('R');
    }

    private StateDictPickler op(int code) {
        out.write(code);
        return this;
    }

    private StateDictPickler global(String module, String name) {
        op('c');
        byte[] b = (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII);
        out.write(b, 0, b.length);
        return this;
    }

    private StateDictPickler string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        le(b.length, 4);
        out.write(b, 0, b.length);
        return this;
    }

    /** The smallest integer opcode, as pickle chooses it. */
    private StateDictPickler integer(long v) {
        if (v >= 0 && v < 0x100) {
            op('K').op((int) v);
        } else if (v >= 0 && v < 0x10000) {
            op('M');
            le(v, 2);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            op('J');
            le(v, 4);
        } else {
            op(0x8a).op(8); // LONG1 with 8 two's-complement bytes
            le(v, 8);
        }
        return this;
    }

    private void tuple(long[] values) {
        if (values.length == 0) {
            op(')');
            return;
        }
        if (values.length > 3) {
            op('(');
        }
        for (long v : values) {
            integer(v);
        }
        op(values.length == 1 ? 0x85 : values.length == 2 ? 0x86 : values.length == 3 ? 0x87 : 't');
    }

    private void le(long v, int bytes) {
        byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
        out.write(b, 0, bytes);
    }
}
