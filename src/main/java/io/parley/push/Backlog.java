package io.parley.push;

/**
 * The bytes one connection has written that its client has not taken yet, against the bound
 * ({@code parley.notifications.max-unsent-bytes}) on what it may hold. Whatever is written to a client that does
 * not read stays in the process's buffers: without a bound a few stalled clients hold hundreds of megabytes.
 * <p>
 * The bound is checked before writing, so one notification larger than the bound still goes out to a client that
 * has taken what came before it.
 */
final class Backlog {

    private final long bound;
    private long unsent;
    private long taken;
    private long takenWhenLooked;
    private Runnable onTaken;

    Backlog(long bound) {
        this.bound = bound;
    }

    /** Whether writing {@code more} bytes now would find it over the bound. */
    synchronized boolean over(long more) {
        return unsent + more > bound;
    }

    synchronized boolean over() {
        return unsent > bound;
    }

    synchronized long unsent() {
        return unsent;
    }

    /** {@code bytes} were handed to the connection. */
    synchronized void written(long bytes) {
        unsent += bytes;
    }

    /** {@code bytes} left the process: the client took them, or the connection ended and they were dropped. */
    void taken(long bytes) {
        Runnable resume;
        synchronized (this) {
            unsent -= bytes;
            taken += bytes;
            resume = onTaken;
            if (resume == null || unsent > bound / 2) {
                return;
            }
            onTaken = null;
        }
        resume.run();
    }

    /**
     * Whether the connection waits for its client (over the bound, or a reader waiting to go on) and the client has
     * taken nothing since the last time this was asked: asked once an interval, a client that took nothing for a
     * whole interval.
     */
    synchronized boolean stalled() {
        boolean stalled = (unsent > bound || onTaken != null) && taken == takenWhenLooked;
        takenWhenLooked = taken;
        return stalled;
    }

    /**
     * Runs {@code resume} once the client has taken enough that at most half the bound is left, at once if that is
     * so already: a reader waiting for it writes in steps of half the bound rather than a notification at a time.
     */
    void whenTaken(Runnable resume) {
        synchronized (this) {
            if (unsent > bound / 2) {
                onTaken = resume;
                return;
            }
        }
        resume.run();
    }
}
