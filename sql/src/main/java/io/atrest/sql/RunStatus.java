package io.atrest.sql;

/** The life of a scan run: RUNNING, then exactly one of the others. */
public enum RunStatus {
    RUNNING,
    /** Every account and region read in full. */
    COMPLETE,
    /** Stored, but something could not be read: see the collection errors and NOT_EVALUATED findings. */
    PARTIAL,
    /** Nothing could be scanned. */
    FAILED,
    /** The process died before closing the run; left out of every trend. */
    ABANDONED
}
