package io.atrest.pipeline;

import io.atrest.scanner.sink.DiskSink;
import java.io.UncheckedIOException;

/** The sink a run keeps its accounts in until they are evaluated. */
public final class Sinks {
    private Sinks() {}

    /**
     * A private folder under the temporary directory, made before the run opens (so a failure
     * writes nothing); one that cannot be made refuses the run, saying how to choose another.
     */
    public static DiskSink onDisk() {
        try {
            return DiskSink.inTemporaryFolder();
        } catch (UncheckedIOException e) {
            throw new RunRefused(e.getMessage() + " (another folder: ATREST_JAVA_OPTS=-Djava.io.tmpdir=DIR)", e);
        }
    }
}
