package cyborg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Images are told apart by their path under the data root, not by their file name: their human
 * maps, and every per-image output, are named by it (issue 21).
 */
class ImageIdentityTest {
    @TempDir
    Path root;

    /** real/ffhq/0000.png and synthetic/stylegan/0000.png: one file name, two images. */
    private Path sameNamedFolder() throws IOException {
        Path ds = root.resolve("ds");
        TestImages.plain(Files.createDirectories(ds.resolve("real/ffhq")).resolve("0000.png"), 8);
        TestImages.plain(Files.createDirectories(ds.resolve("synthetic/stylegan")).resolve("0000.png"), 8);
        return ds;
    }

    private static Sample withLabel(List<Sample> samples, Label label) {
        return samples.stream().filter(s -> s.label() == label).findFirst().orElseThrow();
    }

    private static SampleLoader loader(MapIndex.Assignment maps) {
        return new SampleLoader(new Preprocessing(2, new float[3], new float[] {1, 1, 1}), 2, 2, maps, false);
    }

    @Test
    void sameNamedRealAndSyntheticImagesTrainOnTheirOwnMaps() throws IOException {
        List<Sample> samples = FolderLayout.scan(sameNamedFolder(), "train").samples();
        Path maps = root.resolve("maps");
        TestImages.gray(Files.createDirectories(maps.resolve("real/ffhq")).resolve("0000.png"), 4, 4,
                (x, y) -> x < 2 ? 255 : 0);
        TestImages.gray(Files.createDirectories(maps.resolve("synthetic/stylegan")).resolve("0000.png"), 4, 4,
                (x, y) -> y < 2 ? 255 : 0);
        MapIndex.Assignment assigned = MapIndex.scan(maps).assign(samples);
        Sample real = withLabel(samples, Label.REAL);
        Sample fake = withLabel(samples, Label.SYNTHETIC);
        assertEquals(List.of(maps.resolve("real/ffhq/0000.png")), assigned.mapsFor(real));
        assertEquals(List.of(maps.resolve("synthetic/stylegan/0000.png")), assigned.mapsFor(fake));
        SampleLoader loader = loader(assigned);
        assertArrayEquals(new float[] {1, 0, 1, 0}, loader.load(real, Augmentation.Params.IDENTITY, true).map(), 1e-6f,
                "the real image's map: its left half");
        assertArrayEquals(new float[] {1, 1, 0, 0}, loader.load(fake, Augmentation.Params.IDENTITY, true).map(), 1e-6f,
                "the synthetic image's map: its top half");
    }

    @Test
    void mapsOfTheRealImagesOnlyLeaveTheSameNamedSyntheticImageWithoutAMap() throws IOException {
        List<Sample> samples = FolderLayout.scan(sameNamedFolder(), "train").samples();
        Path maps = root.resolve("maps");
        TestImages.gray(Files.createDirectories(maps.resolve("real/ffhq")).resolve("0000.png"), 4, 4,
                (x, y) -> x < 2 ? 255 : 0);
        SampleLoader loader = loader(MapIndex.scan(maps).assign(samples));
        assertArrayEquals(new float[] {1, 0, 1, 0},
                loader.load(withLabel(samples, Label.REAL), Augmentation.Params.IDENTITY, true).map(), 1e-6f);
        assertEquals(List.of(), MapIndex.scan(maps).assign(samples).unmatched());
        assertNull(loader.load(withLabel(samples, Label.SYNTHETIC), Augmentation.Params.IDENTITY, true).map(),
                "the real image's map is not the synthetic image's");
        DataValidator.Result r = DataValidator.validate(samples, loader, true, 1, SkipReport.failFast(), null);
        assertEquals(1, r.withoutMap(), "1 of 2 images has a map");
    }

    @Test
    void aBareMapNameSharedByTwoImagesIsRefusedNamingBoth() throws IOException {
        List<Sample> samples = FolderLayout.scan(sameNamedFolder(), "train").samples();
        Path maps = Files.createDirectories(root.resolve("maps"));
        TestImages.gray(maps.resolve("0000.png"), 4, 4, (x, y) -> x < 2 ? 255 : 0);
        IOException e = assertThrows(IOException.class, () -> MapIndex.scan(maps).assign(samples));
        assertTrue(e.getMessage().contains("human map " + maps.resolve("0000.png") + " could be the map of"
                + " real/ffhq/0000.png or of synthetic/stylegan/0000.png: they share the name 0000"), e.getMessage());
        assertTrue(e.getMessage().contains("lay the maps out by each image's path under the data root, e.g. "
                + maps.resolve("real/ffhq/0000.png")), e.getMessage());
    }

    @Test
    void anAnnotatorsBareMapSharedByTwoImagesIsRefusedToo() throws IOException {
        List<Sample> samples = FolderLayout.scan(sameNamedFolder(), "train").samples();
        Path maps = Files.createDirectories(root.resolve("maps"));
        TestImages.gray(Files.createDirectories(maps.resolve("alice")).resolve("0000.png"), 4, 4, (x, y) -> 0);
        IOException e = assertThrows(IOException.class, () -> MapIndex.scan(maps).assign(samples));
        assertTrue(e.getMessage().contains("real/ffhq/0000.png or of synthetic/stylegan/0000.png"), e.getMessage());
    }

    @Test
    void aBareNameUniqueAmongTheImagesStillFindsEveryAnnotatorsMap() throws IOException {
        Path images = root.resolve("images");
        TestImages.plain(Files.createDirectories(images.resolve("train/1_fake")).resolve("p1_100_fake.png"), 8);
        TestImages.plain(Files.createDirectories(images.resolve("train/0_real")).resolve("00001.png"), 8);
        Path csv = Files.writeString(root.resolve("s.csv"),
                "train,Synthetic,/train/1_fake/p1_100_fake.png\ntrain,Real,/train/0_real/00001.png\n");
        List<Sample> samples = SplitCsv.read(csv, images, SkipReport.failFast());
        assertEquals(new ImageId("train/1_fake/p1_100_fake.png"), samples.get(0).id());
        Path maps = Files.createDirectories(root.resolve("maps"));
        TestImages.plain(maps.resolve("p1_100_fake.1.png"), 4);
        TestImages.plain(maps.resolve("p1_100_fake.2.png"), 4);
        TestImages.plain(Files.createDirectories(maps.resolve("alice")).resolve("p1_100_fake.png"), 4);
        TestImages.plain(Files.createDirectories(maps.resolve("bob/train/1_fake")).resolve("p1_100_fake.png"), 4);
        MapIndex.Assignment assigned = MapIndex.scan(maps).assign(samples);
        assertEquals(4, assigned.mapsFor(samples.get(0)).size(), "the reference's and synth's map names still work");
        assertEquals(0, assigned.mapsFor(samples.get(1)).size());
    }

    @Test
    void aMapLaidOutByIdentityIsItsImagesEvenWhenAnotherImageSharesTheName() throws IOException {
        Path images = root.resolve("images");
        TestImages.plain(Files.createDirectories(images).resolve("0000.png"), 8);
        TestImages.plain(Files.createDirectories(images.resolve("sub")).resolve("0000.png"), 8);
        Path csv = Files.writeString(root.resolve("s.csv"), "train,Real,/0000.png\ntrain,Synthetic,/sub/0000.png\n");
        List<Sample> samples = SplitCsv.read(csv, images, SkipReport.failFast());
        Path maps = Files.createDirectories(root.resolve("maps"));
        TestImages.plain(maps.resolve("0000.png"), 4);
        MapIndex.Assignment assigned = MapIndex.scan(maps).assign(samples);
        assertEquals(1, assigned.mapsFor(samples.get(0)).size());
        assertEquals(0, assigned.mapsFor(samples.get(1)).size());
    }

    @Test
    void mapsLaidOutUnderAnotherRootThanTheImagesAreListedAsBelongingToNone() throws IOException {
        Path ds = root.resolve("ds");
        TestImages.plain(Files.createDirectories(ds.resolve("train/real/ffhq")).resolve("0000.png"), 8);
        TestImages.plain(Files.createDirectories(ds.resolve("train/synthetic/gan")).resolve("0000.png"), 8);
        List<Sample> samples = FolderLayout.scan(ds, "test").samples();
        Path maps = root.resolve("maps");
        Path misplaced = TestImages.plain(Files.createDirectories(maps.resolve("real/ffhq")).resolve("0000.png"), 4);
        MapIndex.Assignment assigned = MapIndex.scan(maps).assign(samples);
        assertEquals(List.of(misplaced), assigned.unmatched(), "real/ffhq/0000 is no image's: they are under train/");
        assertEquals(0, assigned.mapsFor(samples.get(0)).size());
    }

    @Test
    void outputsOfSameNamedImagesInTrainAndValGoToTheirOwnFiles() throws IOException {
        Path ds = root.resolve("ds");
        TestImages.plain(Files.createDirectories(ds.resolve("train/real/ffhq")).resolve("0000.png"), 8);
        TestImages.plain(Files.createDirectories(ds.resolve("val/real/ffhq")).resolve("0000.png"), 8);
        List<Sample> samples = FolderLayout.scan(ds, "test").samples();
        ImageOutputs outputs = new ImageOutputs(root.resolve("cams"));
        Path train = outputs.path(samples.get(0).id(), "_cam.png");
        Path val = outputs.path(samples.get(1).id(), "_cam.png");
        assertEquals(root.resolve("cams/train/real/ffhq/0000_cam.png"), train);
        assertEquals(root.resolve("cams/val/real/ffhq/0000_cam.png"), val);
        assertEquals(train, outputs.path(samples.get(0).id(), "_cam.png"), "the same image, the same file");
    }

    @Test
    void outputsOfImagesDifferingOnlyInTheExtensionAreRefusedNamingBoth() throws IOException {
        ImageOutputs outputs = new ImageOutputs(root.resolve("sal"));
        outputs.path(new ImageId("real/a/x.png"), ".gradcam.png");
        IOException e = assertThrows(IOException.class, () -> outputs.path(new ImageId("real/a/x.jpg"), ".gradcam.png"));
        assertTrue(e.getMessage().startsWith("real/a/x.png and real/a/x.jpg would both write "
                + root.resolve("sal/real/a/x.gradcam.png")), e.getMessage());
    }

    @Test
    void theIdentityDoesNotDependOnHowTheRootIsSpelled() throws IOException {
        Path ds = sameNamedFolder();
        Path spelled = root.resolve("./ds/../ds");
        assertEquals(FolderLayout.scan(ds, "test").samples().stream().map(Sample::id).toList(),
                FolderLayout.scan(spelled, "test").samples().stream().map(Sample::id).toList());
        assertEquals(new ImageId("real/ffhq/0000.png"), ImageId.of(spelled, ds.resolve("real/ffhq/0000.png")));
        assertNotEquals(ImageId.of(ds, ds.resolve("x.png")), ImageId.of(ds, root.resolve("x.png")),
                "an image outside the root keeps its absolute path");
        assertEquals(new ImageId("nn/a/b.png"), ImageId.normalized("hdfs://nn/a/./c/../b.png"));
        assertEquals(new ImageId("train/x.png"), ImageId.normalized("/train//x.png"));
        assertThrows(IllegalArgumentException.class, () -> ImageId.normalized("/../x.png"));
    }

    @Test
    void aDanglingLinkInAClassFolderIsAnErrorNamingIt() throws IOException {
        Path ds = sameNamedFolder();
        Path link = Files.createSymbolicLink(ds.resolve("real/ffhq/0001.png"), root.resolve("gone.png"));
        BadInputException e = assertThrows(BadInputException.class, () -> FolderLayout.scan(ds, "test"));
        assertEquals(BadInputReason.MISSING_FILE, e.reason());
        assertTrue(e.getMessage().startsWith(link + ": the image is a link to " + root.resolve("gone.png")
                + ", which does not exist"), e.getMessage());
    }

    @Test
    void aDanglingLinkIsCountedAsASkipInAFlatAndASplitLayout() throws IOException {
        Path flat = sameNamedFolder();
        Files.createSymbolicLink(flat.resolve("synthetic/stylegan/0001.png"), root.resolve("gone.png"));
        SkipReport skips = SkipReport.skipping();
        assertEquals(2, FolderLayout.scan(flat, "test", skips).samples().size());
        assertEquals(1, skips.counts().get(BadInputReason.MISSING_FILE));

        Path split = root.resolve("split");
        TestImages.plain(Files.createDirectories(split.resolve("train/real/ffhq")).resolve("0000.png"), 8);
        Files.createSymbolicLink(split.resolve("train/real/ffhq/0001.png"), root.resolve("gone.png"));
        Files.createDirectories(split.resolve("val/synthetic/gan"));
        Files.createSymbolicLink(split.resolve("val/synthetic/gan/0002.jpg"), root.resolve("gone.jpg"));
        SkipReport splitSkips = SkipReport.skipping();
        assertEquals(1, FolderLayout.scan(split, "test", splitSkips).samples().size());
        assertEquals(2, splitSkips.total());
        assertTrue(splitSkips.toString().contains("2 missing file"), splitSkips.toString());
    }

    @Test
    void aSplitRowNamingADanglingLinkSaysItIsOne() throws IOException {
        Path images = Files.createDirectories(root.resolve("images/real"));
        Path link = Files.createSymbolicLink(images.resolve("a.png"), root.resolve("gone.png"));
        Path csv = Files.writeString(root.resolve("s.csv"), "train,Real,/real/a.png\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> SplitCsv.read(csv, root.resolve("images"), SkipReport.failFast()));
        assertEquals(BadInputReason.MISSING_FILE, e.reason());
        assertTrue(e.getMessage().contains("image " + link + " is a link to " + root.resolve("gone.png")
                + ", which does not exist"), e.getMessage());
    }
}
