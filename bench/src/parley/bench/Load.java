package parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Closed-loop and fixed-rate drivers; both bounded in time and stopping by themselves. */
final class Load {

    /** One request of the operation under test; {@code worker} picks its own chats. */
    interface Operation {
        void run(int worker, long sequence);
    }

    record Result(String name, double perSecond, Latencies latencies, long errors) {
    }

    private Load() {
    }

    /** {@code workers} loops, each sending the next request as soon as the last one answered. */
    static Result closedLoop(String name, int workers, long warmupMillis, long measureMillis, Operation operation)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmupMillis * 1_000_000;
        long end = measureFrom + measureMillis * 1_000_000;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().start(() -> {
                while (true) {
                    long begin = System.nanoTime();
                    if (begin >= end) {
                        return;
                    }
                    try {
                        operation.run(worker, sequence.incrementAndGet());
                        if (begin >= measureFrom) {
                            latencies.add(System.nanoTime() - begin);
                            done.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(name, done.get() * 1000.0 / measureMillis, latencies, errors.get());
    }

    /**
     * Requests at a fixed rate over {@code workers} connections (as wrk2 does): each worker takes the next request,
     * waits until it is due, sends it and waits for the answer. Latency counts from when a request was due, so a
     * stalled server is not hidden by requests that could not be sent meanwhile; and a stall does not make the
     * generator open connections without bound, which would measure connection set-up rather than operations.
     */
    static Result fixedRate(String name, double perSecond, int workers, long measureMillis, Operation operation)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long interval = (long) (1_000_000_000 / perSecond);
        long start = System.nanoTime();
        long total = (long) (perSecond * measureMillis / 1000);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().start(() -> {
                long sequence;
                while ((sequence = next.getAndIncrement()) < total) {
                    long due = start + sequence * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        operation.run(worker, sequence);
                        latencies.add(System.nanoTime() - due);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(name, latencies.count() * 1000.0 / measureMillis, latencies, errors.get());
    }
}
