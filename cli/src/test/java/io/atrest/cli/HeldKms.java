package io.atrest.cli;

import io.atrest.scanner.fake.StubAws.Request;
import io.atrest.scanner.fake.StubAws.Response;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Answers as ScanOverTheWireTest's organization does, but once {@link #hold()} is called holds
 * every KMS call until {@link #release()}: a scan caught in the middle of an account.
 */
final class HeldKms implements Function<Request, Response> {
    private final AtomicBoolean holding = new AtomicBoolean();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HeldKms hold() {
        holding.set(true);
        return this;
    }

    /** True once a held KMS call has arrived. */
    boolean awaitHeld(long seconds) throws InterruptedException {
        return reached.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets every held call and every later one through. */
    void release() {
        holding.set(false);
        released.countDown();
    }

    @Override
    public Response apply(Request request) {
        if (holding.get() && request.target() != null && request.target().startsWith("TrentService.")) {
            reached.countDown();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ScanOverTheWireTest.answer(request);
    }
}
