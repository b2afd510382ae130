package cyborg.spark.ml;

import cyborg.spark.score.ImageScoring;
import cyborg.spark.score.ModelSpec;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One task of {@link FrameScoring}: reads its rows a batch at a time, so that a partition's images
 * are never all in memory at once (a row keeps every input column, the image bytes too), and returns
 * each row, in input order, with the outputs appended.
 */
final class RowScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final ModelSpec model;
    private final int inputIndex;
    private final int pathIndex;
    private final int width;
    private final boolean cams;
    private final int batch;
    private final int threads;

    /**
     * @param inputIndex the image bytes' column
     * @param pathIndex the column naming images in errors, or -1
     * @param width the input's column count
     */
    RowScorer(ModelSpec model, int inputIndex, int pathIndex, int width, boolean cams, int batch, int threads) {
        this.model = model;
        this.inputIndex = inputIndex;
        this.pathIndex = pathIndex;
        this.width = width;
        this.cams = cams;
        this.batch = batch;
        this.threads = threads;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws IOException {
        if (!rows.hasNext()) {
            return Collections.emptyIterator();
        }
        ImageScoring scoring = ImageScoring.open(model, threads, cams);
        TaskContext task = TaskContext.get();
        if (task != null) {
            // the model goes back to the pool when the task ends, even if its output is not read to the end
            task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> scoring.close());
        }
        int partition = task == null ? 0 : task.partitionId();
        return new Batches(rows, scoring, partition);
    }

    private final class Batches implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final ImageScoring scoring;
        private final int partition;
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private long seen;

        Batches(Iterator<Row> rows, ImageScoring scoring, int partition) {
            this.rows = rows;
            this.scoring = scoring;
            this.partition = partition;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && rows.hasNext()) {
                try {
                    next(batch);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (ready.isEmpty()) {
                scoring.close();
                return false;
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        /** Scores up to {@code n} more rows into {@link #ready}. */
        private void next(int n) throws IOException {
            List<Row> in = new ArrayList<>(n);
            ImageScoring.Outcome[] outcomes = new ImageScoring.Outcome[n];
            List<Integer> slots = new ArrayList<>(n);
            List<String> names = new ArrayList<>(n);
            List<float[]> inputs = new ArrayList<>(n);
            while (in.size() < n && rows.hasNext()) {
                Row row = rows.next();
                String name = name(row);
                byte[] bytes = row.isNullAt(inputIndex) ? null : (byte[]) row.get(inputIndex);
                ImageScoring.Decoded decoded = ImageScoring.decode(name, bytes);
                if (decoded.failure() != null) {
                    outcomes[in.size()] = decoded.failure();
                } else {
                    slots.add(in.size());
                    names.add(name);
                    inputs.add(scoring.input(decoded.rgb()));
                }
                in.add(row);
            }
            List<ImageScoring.Outcome> scored = scoring.score(names, inputs);
            for (int i = 0; i < slots.size(); i++) {
                outcomes[slots.get(i)] = scored.get(i);
            }
            for (int i = 0; i < in.size(); i++) {
                ready.add(withOutputs(in.get(i), outcomes[i]));
            }
        }

        private String name(Row row) {
            long index = seen++;
            if (pathIndex >= 0 && !row.isNullAt(pathIndex)) {
                return row.getString(pathIndex);
            }
            return "row " + index + " of partition " + partition;
        }
    }

    private Row withOutputs(Row row, ImageScoring.Outcome o) {
        Object[] values = new Object[width + (cams ? 5 : 3)];
        for (int i = 0; i < width; i++) {
            values[i] = row.get(i);
        }
        int k = width;
        values[k++] = o.score();
        values[k++] = o.predicted();
        if (cams) {
            values[k++] = o.camPng();
            values[k++] = o.camEntropy();
        }
        values[k] = o.ok() ? null : RowFactory.create(o.errorReason(), o.errorMessage());
        return RowFactory.create(values);
    }
}
