package io.atrest.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

/**
 * Logs to stderr, above the progress bar when one holds the terminal ({@link TerminalLine}), so a
 * log line is never written into the bar's line.
 */
public final class TerminalAwareAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private Encoder<ILoggingEvent> encoder;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder for appender " + getName());
            return;
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] line = encoder.encode(event);
        if (!TerminalLine.above(line)) {
            synchronized (System.err) {
                System.err.write(line, 0, line.length);
                System.err.flush();
            }
        }
    }
}
