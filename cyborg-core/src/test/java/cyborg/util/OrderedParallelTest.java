package cyborg.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

class OrderedParallelTest {
    @Test
    void resultsReachTheSinkInInputOrderEvenWhenLaterItemsFinishFirst() throws IOException {
        List<Integer> seen = new ArrayList<>();
        OrderedParallel.run(IntStream.range(0, 40).iterator(), 4, i -> {
            sleep(i % 4 == 0 ? 20 : 0); // every fourth item is slow
            return i * 10;
        }, (item, result, failure) -> seen.add(result));
        assertEquals(IntStream.range(0, 40).map(i -> i * 10).boxed().toList(), seen);
    }

    @Test
    void aFailureReachesTheSinkAtItsOwnPositionAndTheRunGoesOn() throws IOException {
        List<String> seen = new ArrayList<>();
        OrderedParallel.run(IntStream.range(0, 6).iterator(), 3, i -> {
            if (i == 2) {
                throw new IOException("bad " + i);
            }
            return i;
        }, (item, result, failure) -> seen.add(failure != null ? failure.getMessage() : String.valueOf(result)));
        assertEquals(List.of("0", "1", "bad 2", "3", "4", "5"), seen);
    }

    @Test
    void itemsAreTakenOnlyAFewPerThreadAheadOfTheSink() throws IOException {
        AtomicInteger taken = new AtomicInteger();
        Iterator<Integer> counting = IntStream.range(0, 1000).peek(i -> taken.incrementAndGet()).iterator();
        int threads = 2;
        List<Integer> maxAhead = new ArrayList<>(List.of(0));
        int[] delivered = {0};
        OrderedParallel.run(counting, threads, i -> i, (item, result, failure) -> {
            delivered[0]++;
            maxAhead.set(0, Math.max(maxAhead.get(0), taken.get() - delivered[0]));
        });
        assertEquals(1000, delivered[0]);
        assertTrue(maxAhead.get(0) <= threads * 4, "items taken ahead of the sink: " + maxAhead.get(0));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
