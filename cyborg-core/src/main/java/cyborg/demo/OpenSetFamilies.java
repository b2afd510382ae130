package cyborg.demo;

import cyborg.data.Label;
import cyborg.data.Sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's generator families as its {@code benchmark.json} describes them: each family's
 * artefact mechanism and whether training shows that mechanism. Read from the file rather than
 * from the generator's constants, so that the demo measures the benchmark it was given.
 *
 * <p>The headline open-set AUC pools the authentic images with the families whose mechanism
 * training shows ({@link #shared}): a detector that learns the training traces can transfer to
 * those; the unseen-mechanism families stay in the per-family table as the hard case.
 *
 * @param mechanism each family's mechanism id, by family id, in the file's order
 * @param inTraining whether training shows each family's mechanism, by family id
 */
record OpenSetFamilies(Map<String, String> mechanism, Map<String, Boolean> inTraining) {

    /**
     * The families of {@code description} (the parsed {@code benchmark.json}, named {@code from}
     * in errors): {@code generators.<id>.mechanism} and {@code generators.<id>.mechanism_in_training}.
     *
     * @throws IllegalArgumentException naming {@code from} and the key when a family lacks
     *     {@code mechanism_in_training}
     */
    static OpenSetFamilies of(Map<String, Object> description, String from) {
        if (!(description.get("generators") instanceof Map<?, ?> generators) || generators.isEmpty()) {
            throw new IllegalArgumentException(from + ": no 'generators' object; regenerate the benchmark");
        }
        Map<String, String> mechanism = new LinkedHashMap<>();
        Map<String, Boolean> inTraining = new LinkedHashMap<>();
        generators.forEach((id, value) -> {
            if (!(value instanceof Map<?, ?> g) || !(g.get("mechanism_in_training") instanceof Boolean seen)) {
                throw new IllegalArgumentException(from + ": generators." + id
                        + ".mechanism_in_training is missing or not true/false; regenerate the benchmark");
            }
            mechanism.put(id.toString(), g.get("mechanism") == null ? "?" : g.get("mechanism").toString());
            inTraining.put(id.toString(), seen);
        });
        return new OpenSetFamilies(Collections.unmodifiableMap(mechanism), Collections.unmodifiableMap(inTraining));
    }

    /** Whether {@code source} is a generator family. */
    boolean isFamily(String source) {
        return inTraining.containsKey(source);
    }

    /** Whether {@code source} is a family whose mechanism training shows. */
    boolean shared(String source) {
        return inTraining.getOrDefault(source, false);
    }

    /**
     * The rows the headline AUC pools: every authentic image and the images of the families whose
     * mechanism training shows, in order. A synthetic row of a source {@code benchmark.json} does
     * not name is refused rather than dropped, so that no family leaves the headline unnoticed.
     */
    List<Sample> sharedRows(List<Sample> rows) {
        for (Sample s : rows) {
            if (s.label() == Label.SYNTHETIC && !isFamily(s.source())) {
                throw new IllegalArgumentException(s.origin() + ": synthetic image of source '"
                        + s.source() + "', which benchmark.json does not list among its generators");
            }
        }
        return rows.stream().filter(s -> s.label() == Label.REAL || shared(s.source())).toList();
    }
}
