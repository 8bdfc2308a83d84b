package io.atrest.scanner.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FairSchedulerTest {
    @Test
    void oneAccountsServiceNeverTakesMoreThanItsShareWhileOthersWait() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch otherRan = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (FairScheduler scheduler = new FairScheduler(4, 2, "test")) {
            for (int i = 0; i < 10; i++) {
                futures.add(scheduler.submit("111/s3", () -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        otherRan.await(5, TimeUnit.SECONDS);   // held until the other account got a worker
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                }));
            }
            futures.add(scheduler.submit("222/s3", otherRan::countDown));
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(otherRan.getCount()).isZero();
    }

    @Test
    void keysTakeTurns() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (FairScheduler scheduler = new FairScheduler(1, 1, "test")) {
            futures.add(scheduler.submit("gate", () -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            for (String task : List.of("a1", "a2", "a3", "b1", "b2", "c1")) {
                futures.add(scheduler.submit(task.substring(0, 1), () -> order.add(task)));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(order).containsExactly("a1", "b1", "c1", "a2", "b2", "a3");
    }

    @Test
    void aFailureStaysInItsFutureAndClosingCancelsWhatWaits() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        Future<?> failing;
        Future<?> waiting;
        try (FairScheduler scheduler = new FairScheduler(1, 1, "test")) {
            failing = scheduler.submit("a", () -> {
                throw new IllegalStateException("boom");
            });
            assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");
            scheduler.submit("b", () -> {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiting = scheduler.submit("c", () -> { });
        }
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(FairScheduler.perKey(8)).isEqualTo(2);
        assertThat(FairScheduler.perKey(32)).isEqualTo(8);
    }
}
