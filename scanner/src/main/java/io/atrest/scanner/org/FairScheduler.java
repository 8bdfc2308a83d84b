package io.atrest.scanner.org;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs collection tasks on a fixed number of workers, taking turns between keys (an account and
 * a service: "111122223333/s3") and keeping at most {@code perKey} tasks of one key in flight.
 * AWS limits each account's API rate per service, so no single account's S3 may take every
 * worker while the other accounts wait: a free worker takes the next task of the key that has
 * waited longest among those below their bound.
 */
final class FairScheduler implements AutoCloseable {
    private final int perKey;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Keys with queued tasks, in turn order: the key served last goes to the back. */
    private final LinkedHashMap<String, ArrayDeque<FutureTask<?>>> queued = new LinkedHashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private boolean closed;

    FairScheduler(int workers, int perKey, String name) {
        if (workers < 1 || perKey < 1) {
            throw new IllegalArgumentException("a scheduler needs at least one worker and one task per key");
        }
        this.perKey = perKey;
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, name + "-" + (i + 1));
            worker.setDaemon(true);
            this.workers.add(worker);
            worker.start();
        }
    }

    /** The in-flight bound per account and service that a scan of {@code concurrency} calls in flight keeps. */
    static int perKey(int concurrency) {
        return Math.max(2, concurrency / 4);
    }

    <T> Future<T> submit(String key, Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        lock.lock();
        try {
            if (closed) {
                future.cancel(false);
                return future;
            }
            queued.computeIfAbsent(key, k -> new ArrayDeque<>()).add(future);
            changed.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    Future<?> submit(String key, Runnable task) {
        return submit(key, () -> {
            task.run();
            return null;
        });
    }

    private void work() {
        while (true) {
            String key;
            FutureTask<?> task;
            lock.lock();
            try {
                Map.Entry<String, FutureTask<?>> next;
                while ((next = next()) == null) {
                    if (closed) {
                        return;
                    }
                    changed.await();
                }
                key = next.getKey();
                task = next.getValue();
                running.merge(key, 1, Integer::sum);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                task.run(); // a cancelled task returns at once; failures stay in its future
            } finally {
                lock.lock();
                try {
                    running.merge(key, -1, Integer::sum);
                    changed.signal();
                } finally {
                    lock.unlock();
                }
                Thread.interrupted(); // a cancel(true) aimed at that task must not reach the next one
            }
        }
    }

    /** The next task to run: the first key in turn order below its bound; that key moves to the back. Under the lock. */
    private Map.Entry<String, FutureTask<?>> next() {
        for (Iterator<Map.Entry<String, ArrayDeque<FutureTask<?>>>> keys = queued.entrySet().iterator(); keys.hasNext(); ) {
            Map.Entry<String, ArrayDeque<FutureTask<?>>> entry = keys.next();
            if (running.getOrDefault(entry.getKey(), 0) >= perKey) {
                continue;
            }
            FutureTask<?> task = entry.getValue().poll();
            keys.remove();
            if (!entry.getValue().isEmpty()) {
                queued.put(entry.getKey(), entry.getValue()); // to the back of the turn order
            }
            return Map.entry(entry.getKey(), task);
        }
        return null;
    }

    /** Cancels what has not started, interrupts what runs, and lets the workers end. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queued.values().forEach(q -> q.forEach(t -> t.cancel(false)));
            queued.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        workers.forEach(Thread::interrupt);
    }
}
