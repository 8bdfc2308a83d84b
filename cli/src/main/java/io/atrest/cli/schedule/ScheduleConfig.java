package io.atrest.cli.schedule;

import io.atrest.report.ReportFormat;
import java.text.ParseException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When the scheduler scans and reports: Quartz cron expressions (seconds first, as
 * {@code 0 0 2 * * ?} for 02:00 every night) in one time zone, and an optional report job.
 *
 * @param report null when no report is scheduled
 */
public record ScheduleConfig(List<String> scanCrons, ZoneId zone, Report report) {
    public static final String DEFAULT_CRON = "0 0 2 * * ?";

    /** A management report written on its own schedule into a folder, one file per format. */
    public record Report(String cron, java.nio.file.Path folder, List<ReportFormat> formats, Duration since) {}

    public ScheduleConfig {
        if (scanCrons.isEmpty()) {
            throw new ScheduleError("no scan schedule: give --cron or leave it out for nightly at 02:00");
        }
        scanCrons = List.copyOf(scanCrons);
        for (String cron : scanCrons) {
            parse("--cron", cron, zone);
        }
        if (report != null) {
            parse("--report-cron", report.cron(), zone);
        }
    }

    public List<CronExpression> scanExpressions() {
        return scanCrons.stream().map(c -> parse("--cron", c, zone)).toList();
    }

    /** A Quartz cron expression in a time zone, or a one-line {@link ScheduleError} saying what is wrong with it. */
    public static CronExpression parse(String option, String text, ZoneId zone) {
        try {
            CronExpression expression = new CronExpression(text);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return expression;
        } catch (ParseException | RuntimeException e) {
            throw new ScheduleError(option + ": '" + text + "' is not a Quartz cron expression (seconds minutes hours "
                    + "day-of-month month day-of-week, e.g. \"0 0 2 * * ?\"): " + e.getMessage());
        }
    }

    public static ZoneId zone(String text) {
        try {
            return text == null ? ZoneId.systemDefault() : ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new ScheduleError("--time-zone: '" + text + "' is not a time zone (e.g. UTC, Europe/Paris)");
        }
    }
}
