package io.atrest.sql;

import java.time.Duration;

/**
 * One writer per history database: an OS lock on a file beside an H2 database, an advisory lock
 * on PostgreSQL. Rooms that write whole runs (the run log, retention, clustered runs) take it;
 * readers never do.
 */
public interface WriterLock {

    /** Takes the lock if it is free, without waiting; true when this store holds it (also when it already did). */
    boolean tryLock();

    /** Takes the lock, retrying for up to {@code wait}: a reader may hold it for a moment. */
    boolean acquire(Duration wait);

    /** Lets the lock go; nothing when it is not held. */
    void release();

    /** Marks that this session wrote history: an H2 file is compacted when it closes, if it has grown sparse. */
    void wrote();
}
