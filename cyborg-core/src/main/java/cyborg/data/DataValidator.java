package cyborg.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decodes every sample (and its maps) once before a run, in parallel, so that bad inputs stop
 * the run before training starts with an error naming them, or are skipped and counted.
 * With caching on, this pass also fills the cache.
 */
public final class DataValidator {
    private DataValidator() {}

    /**
     * The result of a validation pass.
     *
     * @param usable the samples that decoded
     * @param withoutMap usable samples without a human map file (0 unless maps were checked)
     * @param constantMap usable samples whose averaged map is constant, which train as without one
     */
    public record Result(List<Sample> usable, int withoutMap, int constantMap) {}

    /**
     * @param samples the samples to check
     * @param loader decodes them
     * @param withMaps also load and check human maps
     * @param threads decoding threads
     * @param skips the policy: the first bad input in file order is thrown, or all are counted
     * @param progress called with the number of samples checked so far (may be null)
     */
    public static Result validate(List<Sample> samples, SampleLoader loader, boolean withMaps, int threads,
            SkipReport skips, java.util.function.IntConsumer progress) throws BadInputException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<PreparedSample>> futures = new ArrayList<>(samples.size());
            for (Sample s : samples) {
                futures.add(pool.submit(() -> loader.load(s, Augmentation.Params.IDENTITY, withMaps)));
            }
            List<Sample> usable = new ArrayList<>(samples.size());
            int withoutMap = 0;
            int constantMap = 0;
            for (int i = 0; i < samples.size(); i++) {
                try {
                    PreparedSample prepared = futures.get(i).get();
                    usable.add(samples.get(i));
                    if (withMaps && !loader.hasMap(samples.get(i))) {
                        withoutMap++;
                    } else if (withMaps && prepared.map() == null) {
                        constantMap++;
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof BadInputException bad) {
                        skips.handle(bad);
                    } else {
                        throw new IllegalStateException("decoding " + samples.get(i).image() + " failed", e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                if (progress != null) {
                    progress.accept(i + 1);
                }
            }
            return new Result(usable, withoutMap, constantMap);
        } finally {
            pool.shutdownNow();
        }
    }
}
