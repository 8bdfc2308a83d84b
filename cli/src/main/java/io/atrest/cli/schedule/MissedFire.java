package io.atrest.cli.schedule;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.quartz.CronExpression;

/**
 * Whether a scheduled scan was missed while the scheduler was down: a fire time of any scan
 * schedule fell after the last scheduled run began and before now. Read from the history, so it
 * holds across restarts with Quartz's in-memory store; a missed night runs once, however many
 * nights were missed.
 */
public final class MissedFire {
    private MissedFire() {}

    /** The first fire time missed since {@code lastScheduledRun}, if any; none when nothing was ever scheduled. */
    public static Optional<Instant> since(List<CronExpression> schedules, Instant lastScheduledRun, Instant now) {
        if (lastScheduledRun == null) {
            return Optional.empty();
        }
        Instant first = null;
        for (CronExpression schedule : schedules) {
            Date next = schedule.getNextValidTimeAfter(Date.from(lastScheduledRun));
            if (next != null && !next.toInstant().isAfter(now) && (first == null || next.toInstant().isBefore(first))) {
                first = next.toInstant();
            }
        }
        return Optional.ofNullable(first);
    }
}
