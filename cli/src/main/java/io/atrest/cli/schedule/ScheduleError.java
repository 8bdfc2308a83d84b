package io.atrest.cli.schedule;

/** A schedule that cannot run as given (a bad cron expression, an unreadable --config file): exit 2, one line. */
public final class ScheduleError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScheduleError(String message) {
        super(message);
    }

    public ScheduleError(String message, Throwable cause) {
        super(message, cause);
    }
}
