package cyborg.demo;

import cyborg.data.Preprocessing;
import cyborg.data.Sample;
import cyborg.data.SampleLoader;
import cyborg.image.ImageFiles;
import cyborg.image.Resampler;
import cyborg.image.RgbImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's pictures: the average human map next to each method's average CAM over the open
 * set, the same at input resolution for the input-gradient density, and, for the first open-set image of each source, the image, its human map and each
 * method's CAM overlay (first seed).
 */
final class DemoFigures {
    private final int size;
    private final BenchmarkData data;

    DemoFigures(int size, BenchmarkData data) {
        this.size = size;
        this.data = data;
    }

    void write(Path out, List<MethodOutcome> outcomes) throws IOException {
        SeedOutcome first = outcomes.get(0).seeds.get(0);
        int camRows = first.camSize()[0];
        int camCols = first.camSize()[1];
        int cells = camRows * camCols;
        SampleLoader mapLoader = new SampleLoader(Preprocessing.imagenet(size), camRows, camCols, data.assignedMaps(), false);
        List<String> titles = new ArrayList<>(List.of("human maps"));
        List<float[]> rowMaps = new ArrayList<>(List.of(averageHumanMap(mapLoader)));
        for (MethodOutcome o : outcomes) {
            titles.add(o.name() + " CAM");
            rowMaps.add(o.averageCam());
        }
        Figures.mapRow(out.resolve("average-cams.png"), titles, rowMaps, camRows, camCols);
        writeAverageInputGradients(out.resolve("average-input-gradients.png"), outcomes);
        List<String> keys = new ArrayList<>(first.exampleCams().keySet());
        List<String> rowTitles = new ArrayList<>(List.of("image", "human"));
        List<List<RgbImage>> rows = new ArrayList<>();
        List<RgbImage> images = new ArrayList<>();
        List<RgbImage> human = new ArrayList<>();
        for (String key : keys) {
            Sample s = data.test().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
            RgbImage img = Resampler.resize(ImageFiles.readRgb(s.image()), 128, 128);
            images.add(img);
            float[] m = CamStats.humanMap(s, mapLoader);
            human.add(Figures.overlay(img, m == null ? new float[cells] : m, camRows, camCols));
        }
        rows.add(images);
        rows.add(human);
        for (MethodOutcome o : outcomes) {
            rowTitles.add(o.name());
            List<RgbImage> row = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                row.add(Figures.overlay(images.get(i), o.seeds.get(0).exampleCams().get(keys.get(i)), camRows, camCols));
            }
            rows.add(row);
        }
        Figures.overlayGrid(out.resolve("cam-examples.png"), rowTitles, rows);
    }

    /** The average human map at input resolution next to each method's average input-gradient density. */
    private void writeAverageInputGradients(Path png, List<MethodOutcome> outcomes) throws IOException {
        SampleLoader mapLoader = new SampleLoader(Preprocessing.imagenet(size), size, size, data.assignedMaps(), false);
        List<String> titles = new ArrayList<>(List.of("human maps"));
        List<float[]> maps = new ArrayList<>(List.of(averageHumanMap(mapLoader)));
        for (MethodOutcome o : outcomes) {
            titles.add(o.name() + " grad");
            maps.add(o.averageInputGradient());
        }
        Figures.mapRow(png, titles, maps, size, size);
    }

    /** The mean over the open set of the human maps, at the loader's map size. */
    private float[] averageHumanMap(SampleLoader mapLoader) throws IOException {
        List<float[]> humanMaps = new ArrayList<>();
        for (Sample s : data.test()) {
            float[] m = CamStats.humanMap(s, mapLoader);
            if (m != null) {
                humanMaps.add(m);
            }
        }
        return CamStats.mean(humanMaps);
    }
}
