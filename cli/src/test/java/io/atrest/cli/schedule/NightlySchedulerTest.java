package io.atrest.cli.schedule;

import io.atrest.pipeline.Stop;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.report.ReportFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-memory scheduler: fires on its cron, never runs two scans at once, catches up once, stops cleanly. */
class NightlySchedulerTest {
    private static final String EVERY_SECOND = "* * * * * ?";

    /** Counts scans and reports; a scan takes {@code scanTime}, or until stopped when {@code untilStopped}. */
    static final class CountingWork implements NightlyScheduler.Work {
        final AtomicInteger scans = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger reports = new AtomicInteger();
        final AtomicBoolean sawStop = new AtomicBoolean();
        final CountDownLatch firstScan = new CountDownLatch(1);
        final Duration scanTime;
        final boolean untilStopped;

        CountingWork(Duration scanTime, boolean untilStopped) {
            this.scanTime = scanTime;
            this.untilStopped = untilStopped;
        }

        @Override
        public String scan(Stop stop) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            scans.incrementAndGet();
            firstScan.countDown();
            try {
                long end = System.nanoTime() + scanTime.toNanos();
                while (untilStopped ? !stop.getAsBoolean() : System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                sawStop.set(stop.getAsBoolean());
                return "done";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public String report(Instant now) {
            reports.incrementAndGet();
            return "report";
        }
    }

    private static ScheduleConfig every(String cron, ScheduleConfig.Report report) {
        return new ScheduleConfig(List.of(cron), ZoneOffset.UTC, report);
    }

    @Test
    void firesOnItsCronSchedule() throws Exception {
        CountingWork work = new CountingWork(Duration.ZERO, false);
        try (NightlyScheduler scheduler = new NightlyScheduler(every(EVERY_SECOND, null), work)) {
            scheduler.start();
            Thread.sleep(3_300);
        }
        assertThat(work.scans.get()).isBetween(2, 5);
        assertThat(work.reports.get()).isZero();
    }

    @Test
    void aScanDueWhileOneRunsIsSkippedAndTheRunningOneFinishes() throws Exception {
        CountingWork work = new CountingWork(Duration.ofMillis(2_600), false);
        NightlyScheduler scheduler = new NightlyScheduler(new ScheduleConfig(List.of(EVERY_SECOND, "0/2 * * * * ?"), ZoneOffset.UTC, null), work);
        try (scheduler) {
            scheduler.start();
            Thread.sleep(3_500);
        }
        assertThat(work.mostAtOnce.get()).isEqualTo(1);
        assertThat(scheduler.scansSkipped()).isGreaterThanOrEqualTo(1);
        assertThat(scheduler.scansStarted()).isEqualTo(work.scans.get()).isBetween(1, 2);
    }

    @Test
    void scanNowRunsOnceOutsideTheSchedule() throws Exception {
        CountingWork work = new CountingWork(Duration.ZERO, false);
        try (NightlyScheduler scheduler = new NightlyScheduler(every(ScheduleConfig.DEFAULT_CRON, null), work)) {
            scheduler.start();
            scheduler.scanNow();
            assertThat(work.firstScan.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
        }
        assertThat(work.scans.get()).isEqualTo(1);
    }

    @Test
    void stopLetsTheRunningScanCloseAndWaitsForIt() throws Exception {
        CountingWork work = new CountingWork(Duration.ZERO, true);
        NightlyScheduler scheduler = new NightlyScheduler(every(ScheduleConfig.DEFAULT_CRON, null), work);
        scheduler.start();
        scheduler.scanNow();
        assertThat(work.firstScan.await(5, TimeUnit.SECONDS)).isTrue();
        scheduler.stop();
        // stop() returned only after the scan saw the stop request and ended.
        assertThat(work.sawStop.get()).isTrue();
        assertThat(work.running.get()).isZero();
    }

    @Test
    void theReportRunsOnItsOwnSchedule() throws Exception {
        CountingWork work = new CountingWork(Duration.ZERO, false);
        ScheduleConfig.Report report = new ScheduleConfig.Report(EVERY_SECOND, Path.of("reports"), List.of(ReportFormat.PDF), Duration.ofDays(90));
        try (NightlyScheduler scheduler = new NightlyScheduler(every(ScheduleConfig.DEFAULT_CRON, report), work)) {
            scheduler.start();
            Thread.sleep(2_300);
        }
        assertThat(work.reports.get()).isGreaterThanOrEqualTo(1);
        assertThat(work.scans.get()).isZero();
    }

    @Test
    void aMissedNightRunsOnceAndOnlyWhenOneWasMissed() {
        var nightly = List.of(ScheduleConfig.parse("--cron", ScheduleConfig.DEFAULT_CRON, ZoneOffset.UTC));
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        // Last scheduled run two nights ago: last night's 02:00 was missed (and the one before): run once.
        assertThat(MissedFire.since(nightly, Instant.parse("2026-11-25T02:00:05Z"), now))
                .contains(Instant.parse("2026-11-26T02:00:00Z"));
        // Last night's run happened: nothing missed.
        assertThat(MissedFire.since(nightly, Instant.parse("2026-11-27T02:00:03Z"), now)).isEmpty();
        // Never scheduled before: a first start is not a missed night.
        assertThat(MissedFire.since(nightly, null, now)).isEmpty();
        // The time zone counts: 02:00 in Tokyo is 17:00 UTC the day before.
        var tokyo = List.of(ScheduleConfig.parse("--cron", ScheduleConfig.DEFAULT_CRON, ZoneId.of("Asia/Tokyo")));
        assertThat(MissedFire.since(tokyo, Instant.parse("2026-11-26T10:00:00Z"), now)).contains(Instant.parse("2026-11-26T17:00:00Z"));
    }
}
