package io.atrest.pipeline;

import java.util.function.BooleanSupplier;

/**
 * Whether a run was asked to stop (a signal, the scheduler shutting down), and why: a stopped
 * run is closed ABANDONED with {@link #cause()}.
 */
@FunctionalInterface
public interface Stop extends BooleanSupplier {
    /** Never asked to stop. */
    Stop NEVER = () -> false;

    /** How the run says why it stopped, asked once it has. */
    default String cause() {
        return "stopped before the end";
    }
}
