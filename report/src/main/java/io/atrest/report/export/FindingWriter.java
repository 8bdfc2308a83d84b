package io.atrest.report.export;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes findings one at a time in one format, as they stream out of the history: nothing
 * holds the whole run. {@link #close} finishes the document (a closing bracket, a last file).
 */
public interface FindingWriter extends Closeable {

    void write(ExportedFinding finding) throws IOException;
}
