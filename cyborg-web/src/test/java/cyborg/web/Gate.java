package cyborg.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A worker hook that holds the forward pass until released, and says when a batch reached it. */
final class Gate implements Runnable {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void run() {
        entered.countDown();
        try {
            released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void awaitEntered() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no batch reached the worker");
        }
    }

    void release() {
        released.countDown();
    }
}
