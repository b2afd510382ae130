package cyborg.spark.ml;

import cyborg.spark.score.ModelSpec;
import cyborg.spark.score.ScoreJob;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.util.Locale;

/**
 * A cyborg model as a Spark ML {@code Transformer}: adds to a DataFrame with a column of encoded
 * images (by default {@code content}, as {@code spark.read.format("binaryFile")} gives) the score,
 * the predicted label, optionally the CAM as PNG bytes and its entropy, and an error column that is
 * null when the image was scored ({@link FrameScoring} says what each holds). Savable and loadable
 * with its parameters ({@code save}, {@link #load}); the model itself is not copied, its path is.
 */
public final class CyborgScorer extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> modelPath;
    private final Param<String> arch;
    private final Param<String> shipModel;
    private final Param<String> inputCol;
    private final Param<String> pathCol;
    private final Param<String> scoreCol;
    private final Param<String> labelCol;
    private final BooleanParam cams;
    private final Param<String> camCol;
    private final Param<String> camEntropyCol;
    private final Param<String> errorCol;
    private final IntParam batchSize;
    private final IntParam threads;

    public CyborgScorer() {
        this(Identifiable$.MODULE$.randomUID("cyborgScorer"));
    }

    /** With {@code uid} (how Spark ML's loader makes one). */
    public CyborgScorer(String uid) {
        this.uid = uid;
        modelPath = new Param<>(this, "modelPath", "a cyborg model folder (or a weight file with arch), on the driver");
        arch = new Param<>(this, "arch", "the architecture of a weight file without a description ('': none)");
        shipModel = new Param<>(this, "shipModel", "auto|always|never: send the model's files to the executors"
                + " (auto: on a cluster master, not on a local one)",
                ParamValidators.inArray(new String[] {"auto", "always", "never"}));
        inputCol = new Param<>(this, "inputCol", "the column of encoded image bytes");
        pathCol = new Param<>(this, "pathCol", "a string column naming each image in errors, used when present");
        scoreCol = new Param<>(this, "scoreCol", "output: the score, sigmoid(logit[Synthetic])");
        labelCol = new Param<>(this, "labelCol", "output: the predicted class, Real or Synthetic");
        cams = new BooleanParam(this, "cams", "also output each image's CAM as PNG bytes and its entropy");
        camCol = new Param<>(this, "camCol", "output with cams: the CAM as an 8-bit grayscale PNG");
        camEntropyCol = new Param<>(this, "camEntropyCol", "output with cams: the CAM's normalised Shannon entropy");
        errorCol = new Param<>(this, "errorCol", "output: null when scored, else struct<reason, message>");
        batchSize = new IntParam(this, "batchSize", "images per forward pass", ParamValidators.gtEq(1));
        threads = new IntParam(this, "threads", "PyTorch threads per executor JVM (0: from the master and"
                + " spark.task.cpus, as spark score)", ParamValidators.gtEq(0));
        FrameScoring d = FrameScoring.of(ModelSpec.folder("."));
        setDefault(arch, "");
        setDefault(shipModel, "auto");
        setDefault(inputCol, d.inputCol());
        setDefault(pathCol, d.pathCol());
        setDefault(scoreCol, d.scoreCol());
        setDefault(labelCol, d.labelCol());
        setDefault(cams, false);
        setDefault(camCol, "cam_png");
        setDefault(camEntropyCol, d.camEntropyCol());
        setDefault(errorCol, d.errorCol());
        setDefault(batchSize, d.batch());
        setDefault(threads, d.threads());
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> modelPath() { return modelPath; }
    public Param<String> arch() { return arch; }
    public Param<String> shipModel() { return shipModel; }
    public Param<String> inputCol() { return inputCol; }
    public Param<String> pathCol() { return pathCol; }
    public Param<String> scoreCol() { return scoreCol; }
    public Param<String> labelCol() { return labelCol; }
    public BooleanParam cams() { return cams; }
    public Param<String> camCol() { return camCol; }
    public Param<String> camEntropyCol() { return camEntropyCol; }
    public Param<String> errorCol() { return errorCol; }
    public IntParam batchSize() { return batchSize; }
    public IntParam threads() { return threads; }

    public CyborgScorer setModelPath(String v) { set(modelPath, v); return this; }
    public CyborgScorer setArch(String v) { set(arch, v); return this; }
    public CyborgScorer setShipModel(String v) { set(shipModel, v); return this; }
    public CyborgScorer setInputCol(String v) { set(inputCol, v); return this; }
    public CyborgScorer setPathCol(String v) { set(pathCol, v); return this; }
    public CyborgScorer setScoreCol(String v) { set(scoreCol, v); return this; }
    public CyborgScorer setLabelCol(String v) { set(labelCol, v); return this; }
    public CyborgScorer setCams(boolean v) { set(cams, v); return this; }
    public CyborgScorer setCamCol(String v) { set(camCol, v); return this; }
    public CyborgScorer setCamEntropyCol(String v) { set(camEntropyCol, v); return this; }
    public CyborgScorer setErrorCol(String v) { set(errorCol, v); return this; }
    public CyborgScorer setBatchSize(int v) { set(batchSize, v); return this; }
    public CyborgScorer setThreads(int v) { set(threads, v); return this; }

    /** What this scorer's parameters ask for. */
    public FrameScoring scoring() {
        if (!isDefined(modelPath)) {
            throw new IllegalArgumentException("CyborgScorer: set modelPath (a cyborg model folder) first");
        }
        String a = getOrDefault(arch);
        ModelSpec model = new ModelSpec(getOrDefault(modelPath), a.isEmpty() ? null : a, true);
        return new FrameScoring(model, getOrDefault(inputCol), getOrDefault(pathCol), getOrDefault(scoreCol),
                getOrDefault(labelCol), (Boolean) getOrDefault(cams) ? getOrDefault(camCol) : null,
                getOrDefault(camEntropyCol), getOrDefault(errorCol), (Integer) getOrDefault(batchSize),
                (Integer) getOrDefault(threads),
                ScoreJob.Shipping.valueOf(getOrDefault(shipModel).toUpperCase(Locale.ROOT)));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        return scoring().transform(dataset);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return scoring().outputSchema(schema);
    }

    @Override
    public CyborgScorer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Spark ML's reader of saved scorers. */
    public static MLReader<CyborgScorer> read() {
        return new DefaultParamsReader<>();
    }

    /** A scorer saved with {@code write().save(path)} (or {@code save(path)}). */
    public static CyborgScorer load(String path) {
        return read().load(path);
    }
}
