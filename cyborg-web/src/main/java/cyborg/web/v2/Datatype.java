package cyborg.web.v2;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The protocol's tensor element types. */
public enum Datatype {
    BOOL, UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64, FP16, FP32, FP64, BYTES;

    /** The type called {@code name} (case-sensitive, as the protocol's strings are). */
    public static Datatype parse(String name, String input) {
        for (Datatype d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new ProtocolException("input '" + input + "': unknown datatype '" + name + "'; the protocol's are "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
