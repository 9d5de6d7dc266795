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
     * Requests at a fixed rate, each on its own virtual thread, whether or not earlier ones answered. Latency counts
     * from when a request was due, so a stalled server is not hidden by requests that were never sent.
     */
    static Result fixedRate(String name, double perSecond, int workers, long measureMillis, Operation operation)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        long interval = (long) (1_000_000_000 / perSecond);
        long start = System.nanoTime();
        long total = (long) (perSecond * measureMillis / 1000);
        List<Thread> threads = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long sequence = i;
            int worker = (int) (i % workers);
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    operation.run(worker, sequence);
                    latencies.add(System.nanoTime() - due);
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(name, latencies.count() * 1000.0 / measureMillis, latencies, errors.get());
    }
}
