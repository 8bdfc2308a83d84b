package io.atrest.cli.schedule;

import io.atrest.sql.HistoryException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.atrest.pipeline.RunFailed;
import io.atrest.pipeline.RunRefused;
import io.atrest.pipeline.Stop;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running heart of {@code atrest schedule}: Quartz (in-memory store) firing the scan on
 * its cron schedules, and the report on its own. Never two scans at once: a scan that fires
 * while one runs is logged and skipped (the running one wins). {@link #stop()} asks the running
 * scan to finish the accounts it is collecting and close its run, then waits for it.
 */
public final class NightlyScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyScheduler.class);
    private static final JobKey SCAN = JobKey.jobKey("scan", "atrest");
    private static final JobKey REPORT = JobKey.jobKey("report", "atrest");

    /** What the scheduler runs. */
    public interface Work {
        /** Scans and stores one run; returns one line for the log. {@code stop} turns true when the scheduler stops. */
        String scan(Stop stop);

        /** Writes the scheduled report; returns one line for the log. */
        String report(Instant now);
    }

    private final ScheduleConfig config;
    private final Work work;
    private final Scheduler scheduler;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicReference<Instant> scanStartedAt = new AtomicReference<>();
    private final AtomicInteger scansStarted = new AtomicInteger();
    private final AtomicInteger scansSkipped = new AtomicInteger();

    public NightlyScheduler(ScheduleConfig config, Work work) {
        this.config = config;
        this.work = work;
        Properties quartz = new Properties();
        // Unique per scheduler: Quartz keeps a JVM-wide registry by name.
        quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "atrest-" + UUID.randomUUID());
        quartz.setProperty("org.quartz.threadPool.threadCount", "3"); // a scan, a report, and one to log skips
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        try {
            scheduler = new StdSchedulerFactory(quartz).getScheduler();
            scheduler.setJobFactory((bundle, s) -> bundle.getJobDetail().getKey().equals(SCAN) ? new ScanJob() : new ReportJob());
            JobDetail scan = JobBuilder.newJob(ScanJob.class).withIdentity(SCAN).storeDurably().build();
            scheduler.addJob(scan, false);
            int i = 0;
            for (String cron : config.scanCrons()) {
                scheduler.scheduleJob(cronTrigger("scan-" + i++, cron, SCAN));
            }
            if (config.report() != null) {
                scheduler.addJob(JobBuilder.newJob(ReportJob.class).withIdentity(REPORT).storeDurably().build(), false);
                scheduler.scheduleJob(cronTrigger("report", config.report().cron(), REPORT));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the scheduler: " + e.getMessage(), e);
        }
    }

    private Trigger cronTrigger(String name, String cron, JobKey job) {
        return TriggerBuilder.newTrigger()
                .withIdentity(name, "atrest")
                .forJob(job)
                // A fire missed while the thread pool was busy (or the machine asleep) runs once, late.
                .withSchedule(CronScheduleBuilder.cronSchedule(ScheduleConfig.parse("--cron", cron, config.zone()))
                        .inTimeZone(TimeZone.getTimeZone(config.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Runs the scan once now, as a missed night does at start. */
    public void scanNow() {
        try {
            scheduler.triggerJob(SCAN);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next fire times of the scan schedules, soonest first. */
    public List<Instant> nextScans() {
        List<Instant> next = new ArrayList<>();
        for (var expression : config.scanExpressions()) {
            Date at = expression.getNextValidTimeAfter(new Date());
            if (at != null) {
                next.add(at.toInstant());
            }
        }
        next.sort(null);
        return next;
    }

    public int scansStarted() {
        return scansStarted.get();
    }

    public int scansSkipped() {
        return scansSkipped.get();
    }

    /**
     * Stops firing, asks a running scan to stop after the accounts it is collecting (its run is
     * closed ABANDONED with the reason), and waits for the running jobs to end.
     */
    public void stop() {
        if (stopping.compareAndSet(false, true)) {
            LOG.info("stopping: the running scan, if any, finishes its current accounts and closes its run");
        }
        try {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warn("scheduler did not stop cleanly: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** One scheduled scan; skipped, and said so, when another is running here or writing to the database. */
    final class ScanJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            Instant now = Instant.now();
            if (!scanStartedAt.compareAndSet(null, now)) {
                scansSkipped.incrementAndGet();
                LOG.warn("scan due at {} skipped: the scan started at {} is still running", fired(context), scanStartedAt.get());
                return;
            }
            scansStarted.incrementAndGet();
            try {
                LOG.info("scan due at {} started", fired(context));
                LOG.info("scan done: {}", work.scan(stopping::get));
            } catch (HistoryException e) {
                // Another process (a manual scan, another scheduler) holds the database's writer lock: it wins.
                scansSkipped.incrementAndGet();
                LOG.warn("scan due at {} skipped: {}", fired(context), e.getMessage());
            } catch (RunRefused | RunFailed e) {
                LOG.error("scan failed: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("scan failed: {}", e.toString(), e);
            } finally {
                scanStartedAt.set(null);
            }
        }
    }

    /** The scheduled report. */
    final class ReportJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                LOG.info("report written: {}", work.report(Instant.now()));
            } catch (HistoryException e) {
                LOG.error("report not written: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("report not written: {}", e.toString(), e);
            }
        }
    }

    private static Instant fired(JobExecutionContext context) {
        Date scheduled = context.getScheduledFireTime();
        return scheduled == null ? Instant.now() : scheduled.toInstant();
    }
}
