package io.atrest.bench;

import io.atrest.scanner.org.AccountScanStatus;
import io.atrest.report.jasper.JasperRendering;
import io.atrest.report.management.ManagementReport;
import io.atrest.report.management.ManagementReportQuery;
import io.atrest.report.management.ManagementReportTemplate;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.ResourceRef;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Score;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.ingest.AccountResult;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStart;
import io.atrest.sql.RunStatus;
import io.atrest.sql.RunTotals;
import io.atrest.sql.ScanRun;
import io.atrest.sql.TrendScope;
import io.atrest.sql.Weights;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * A year of nightly scans of a large organization, into a fresh history database: ingest time
 * per scan, database size, and the time of each trend query.
 *
 * <p>Arguments (all optional): {@code --resources 50000 --checks 20 --nights 365 --accounts 50
 * --change 0.01 --dir /tmp/atrest-bench}; {@code --queries-only true} times the queries on the
 * history left in the folder, {@code --continue N} adds N nights to it ({@code --queries false}: without
 * timing the queries after).
 */
public final class HistoryBench {
    private static final String[] CLASSIFICATIONS = {"public", "internal", "confidential", "restricted"};
    private static final Severity[] SEVERITIES = {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW};

    private final int resources;
    private final int checks;
    private final int nights;
    private final int accounts;
    private final double change;
    private final byte[] outcomes;
    // One string per check, as a scan's findings carry their check's constant id (and its cached hash).
    private final String[] checkIds;
    private boolean timeQueries = true;

    private HistoryBench(int resources, int checks, int nights, int accounts, double change) {
        this.resources = resources;
        this.checks = checks;
        this.nights = nights;
        this.accounts = accounts;
        this.change = change;
        this.outcomes = new byte[resources * checks];
        this.checkIds = new String[checks];
        for (int c = 0; c < checks; c++) {
            checkIds[c] = c == 0 ? "kms-pending-deletion-in-use" : c == 1 ? "kms-disabled-in-use" : "check-" + c;
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < outcomes.length; i++) {
            int r = random.nextInt(100);
            outcomes[i] = (byte) (r < 70 ? 0 : r < 85 ? 1 : r < 97 ? 2 : 3); // PASS, FAIL, N/A, NOT_EVALUATED
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int resources = Integer.parseInt(opts.getOrDefault("resources", "50000"));
        int checks = Integer.parseInt(opts.getOrDefault("checks", "20"));
        int nights = Integer.parseInt(opts.getOrDefault("nights", "365"));
        int accounts = Integer.parseInt(opts.getOrDefault("accounts", "50"));
        double change = Double.parseDouble(opts.getOrDefault("change", "0.01"));
        Path folder = Path.of(opts.getOrDefault("dir", "/tmp/atrest-bench"));
        String db = opts.getOrDefault("db", "jdbc:h2:file:" + folder.resolve("history").toAbsolutePath());
        if (Boolean.parseBoolean(opts.getOrDefault("queries-only", "false"))) {
            // Time the queries on a history an earlier (possibly interrupted) run left in the folder.
            try (HistoryStore store = HistoryStore.open(db)) {
                ScanRun last = store.runLog().recentStoredRuns(1).get(0);
                System.out.printf(Locale.ROOT, "existing history: %d runs, %,d finding states, %,d MB%n",
                        last.id(), store.queries().findingStates(), size(folder) / 1_000_000);
                new HistoryBench(1, 1, 1, 1, 0).queries(store, last.startedAt().plus(Duration.ofDays(1)));
            }
            return;
        }
        int continueNights = Integer.parseInt(opts.getOrDefault("continue", "0"));
        if (continueNights > 0) {
            // More nights on a history an earlier run left in the folder (after an upgrade of atrest, say); the
            // stored nights' changes are replayed from the seed, so the organization goes on where it was.
            int stored;
            try (HistoryStore store = HistoryStore.open(db)) {
                stored = (int) store.runLog().recentStoredRuns(1).get(0).id();
            }
            HistoryBench bench = new HistoryBench(resources, checks, continueNights, accounts, change);
            bench.timeQueries = Boolean.parseBoolean(opts.getOrDefault("queries", "true"));
            bench.run(db, folder, stored);
            return;
        }
        if (db.startsWith("jdbc:h2:") && Files.exists(folder)) {
            try (var files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
        new HistoryBench(resources, checks, nights, accounts, change).run(db, folder, 0);
    }

    private void run(String db, Path folder, int nightsBefore) {
        System.out.printf(Locale.ROOT, "%d resources x %d checks = %d findings per scan, %d accounts, %d nights, %.1f%% change per night%n",
                resources, checks, resources * checks, accounts, nights, change * 100);
        Instant start = Instant.parse("2025-01-01T02:00:00Z");
        List<Long> ingestMillis = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        List<Long> closeMillis = new ArrayList<>();
        // Each night opens, stores the run and closes (and compacts), as a nightly run does; all in this one JVM.
        for (int replay = 1; replay < nightsBefore; replay++) {
            mutate(random); // the stored nights' changes, so that a continued history goes on changing 1% a night
        }
        for (int night = 0; night < nights; night++) {
            if (nightsBefore + night > 0) {
                mutate(random);
            }
            long[] times = night(db, folder, start.plus(Duration.ofDays(nightsBefore + night)), nightsBefore + night + 1,
                    night == 0 || night % 10 == 0, night % 10 == 0 || night == nights - 1);
            ingestMillis.add(times[0]);
            closeMillis.add(times[1]);
        }
        summary(db, folder, start.plus(Duration.ofDays(nightsBefore + nights)), ingestMillis, closeMillis);
    }

    /**
     * One night: open, start, one transaction per account, close the run, close (and compact) the
     * store, as a nightly run does; returns its ingest and close times in milliseconds.
     */
    private long[] night(String db, Path folder, Instant started, int number, boolean breakDown, boolean sizes) {
        // Ingest is what the store does: open, start, one transaction per account, close the run. Making the
        // synthetic findings (what a scan's evaluation hands over) is not counted.
        long t0 = System.nanoTime();
        long making = 0;
        long jit0 = jitMillis();
        long gc0 = gcMillis();
        HistoryStore store = HistoryStore.open(db);
        long opened = System.nanoTime();
        long run = store.runLog().startRun(new RunStart("SCAN", started, "bench", "bench", "o-bench", accounts));
        for (int a = 0; a < accounts; a++) {
            long m0 = System.nanoTime();
            List<Finding> findings = findingsOf(a);
            Score score = Score.of(findings);
            making += System.nanoTime() - m0;
            store.ingest().recordAccount(run, new AccountResult(account(a), AccountScanStatus.COMPLETE, List.of("eu-west-1"), 0, null),
                    findings, score);
        }
        long recorded = System.nanoTime();
        store.runLog().finishRun(run, RunStatus.COMPLETE, started.plusSeconds(600),
                new RunTotals(accounts, 0, resources, 0, null, null, null));
        long ms = (System.nanoTime() - t0 - making) / 1_000_000;
        if (breakDown) {
            // Where a night's time goes: opening (migration check included), the accounts, closing the run; and what
            // the JVM spent meanwhile compiling (on the other core, mostly) and collecting.
            System.out.printf(Locale.ROOT, "night %3d: open %,d ms, accounts %,d ms, finish %,d ms; JIT %,d ms, GC %,d ms%n",
                    number, (opened - t0) / 1_000_000, (recorded - opened - making) / 1_000_000,
                    (System.nanoTime() - recorded) / 1_000_000, jitMillis() - jit0, gcMillis() - gc0);
        }
        long before = size(folder); // the night's writes, not yet compacted away
        long t1 = System.nanoTime();
        store.close();
        long closeMs = (System.nanoTime() - t1) / 1_000_000;
        if (sizes) {
            System.out.printf(Locale.ROOT, "night %3d: ingest %,d ms, close and compact %,d ms, file %,d MB (%,d MB before the close)%n",
                    number, ms, closeMs, size(folder) / 1_000_000, before / 1_000_000);
        }
        return new long[] {ms, closeMs};
    }

    /** Ingest and close times over the nights, the states stored, the queries' times, the file's size. */
    private void summary(String db, Path folder, Instant now, List<Long> ingestMillis, List<Long> closeMillis) {
        try (HistoryStore store = HistoryStore.open(db)) {
            List<Long> sorted = ingestMillis.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "ingest per scan: first %,d ms, median %,d ms, p95 %,d ms, max %,d ms%n",
                    ingestMillis.get(0), sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)),
                    sorted.get(sorted.size() - 1));
            List<Long> closes = closeMillis.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "close and compact per scan: median %,d ms, max %,d ms%n",
                    closes.get(closes.size() / 2), closes.get(closes.size() - 1));
            System.out.printf(Locale.ROOT, "finding states stored: %,d (%,d findings per scan x %d scans without intervals)%n",
                    store.queries().findingStates(), (long) resources * checks, nights);
            if (timeQueries) {
                queries(store, now);
            }
        }
        if (db.startsWith("jdbc:h2:")) {
            System.out.printf(Locale.ROOT, "H2 database size: %,d MB%n", size(folder) / 1_000_000);
        }
    }

    private static long jitMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long size(Path folder) {
        try (var files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void queries(HistoryStore store, Instant end) {
        Instant yearAgo = end.minus(Duration.ofDays(365));
        List<ScanRun> last = store.runLog().recentStoredRuns(2);
        long latest = last.get(0).id();
        time("trend, organization, 365 days", () -> store.queries().trend(TrendScope.organization(), yearAgo, Weights.defaults()).size());
        time("trend, one account, 365 days", () -> store.queries().trend(TrendScope.account(accountId(3)), yearAgo, Weights.defaults()).size());
        time("trend, one OU, 365 days", () -> store.queries().trend(TrendScope.ou("Root/Workloads/Prod"), yearAgo, Weights.defaults()).size());
        time("trend, classification restricted, 365 days",
                () -> store.queries().trend(TrendScope.classification("restricted"), yearAgo, Weights.defaults()).size());
        if (last.size() == 2) {
            time("diff of the last two runs", () -> store.queries().diff(last.get(1).id(), latest).size());
        }
        ScanRun midYear = store.runLog().lastStoredRunAt(end.minus(Duration.ofDays(180))).orElseGet(() -> last.get(last.size() - 1));
        time("findings failing at a date (half a year ago)", () -> store.queries().failingFindings(midYear.id()).size());
        time("findings failing now (latest run)", () -> store.queries().failingFindings(latest).size());
        time("mean time to remediate by severity, 90 days", () -> store.queries().remediationTimes(end.minus(Duration.ofDays(90))).size());
        time("top failing checks, latest run", () -> store.queries().topFailingChecks(latest, 10).size());
        time("keys at risk, 365 days", () -> store.queries().keysAtRisk(yearAgo).size());
        time("management report, 90 days: read the history", () -> managementReport(store, end).accounts().size());
        time("management report, 90 days: read, fill, PDF and HTML", () -> {
            ManagementReport report = managementReport(store, end);
            JasperPrint print = ManagementReportTemplate.fill(report);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            JasperRendering.pdf(print, pdf);
            ByteArrayOutputStream html = new ByteArrayOutputStream();
            io.atrest.report.html.HtmlReport.write(report, html);
            return print.getPages().size() + " pages, PDF " + pdf.size() / 1024 + " KiB, HTML " + html.size() / 1024 + " KiB";
        });
    }

    private static ManagementReport managementReport(HistoryStore store, Instant end) {
        return new ManagementReportQuery(store, io.atrest.scanner.check.CheckCatalog.standard(), Weights.defaults())
                .read(end, Duration.ofDays(90));
    }

    private static void time(String name, Supplier<Object> query) {
        query.get(); // warm the JIT and the caches once, as a long-lived process would be
        long t0 = System.nanoTime();
        Object result = query.get();
        System.out.printf(Locale.ROOT, "query %-48s %,6d ms  (%s rows)%n", name, (System.nanoTime() - t0) / 1_000_000, result);
    }

    /** About {@code change} of all findings move to another outcome. */
    private void mutate(SplittableRandom random) {
        int flips = (int) (outcomes.length * change);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(outcomes.length);
            outcomes[at] = (byte) ((outcomes[at] + 1 + random.nextInt(3)) % 4);
        }
    }

    private List<Finding> findingsOf(int accountIndex) {
        int perAccount = resources / accounts;
        String accountId = accountId(accountIndex);
        List<Finding> findings = new ArrayList<>(perAccount * checks);
        for (int r = accountIndex * perAccount; r < (accountIndex + 1) * perAccount; r++) {
            String classification = CLASSIFICATIONS[r % CLASSIFICATIONS.length];
            ResourceRef ref = new ResourceRef(r % 3 == 0 ? ResourceType.AwsKmsKey : ResourceType.AwsS3Bucket,
                    "arn:aws:s3:::bench-" + accountId + "-" + r, "bench-" + r, accountId, "eu-west-1");
            for (int c = 0; c < checks; c++) {
                Outcome outcome = Outcome.values()[outcomes[r * checks + c]];
                String check = checkIds[c];
                findings.add(new Finding(check, SEVERITIES[c % SEVERITIES.length], outcome,
                        outcome == Outcome.NOT_EVALUATED ? io.atrest.scanner.inventory.ErrorReason.ACCESS_DENIED : null,
                        outcome == Outcome.NOT_EVALUATED ? "s3:GetBucketEncryption" : null, ref, classification,
                        check + " " + outcome.name().toLowerCase(Locale.ROOT), Map.of("setting", outcome.name(), "level", classification)));
            }
        }
        return findings;
    }

    private static String accountId(int index) {
        return String.format(Locale.ROOT, "%012d", 100000000000L + index);
    }

    private static Account account(int index) {
        List<String> ou = index % 2 == 0 ? List.of("Workloads", "Prod") : List.of("Workloads", "Dev");
        return new Account(accountId(index), "account-" + index, "a" + index + "@example.com", "ACTIVE", ou, Map.of());
    }
}
