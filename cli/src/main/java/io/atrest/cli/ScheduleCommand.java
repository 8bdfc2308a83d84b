package io.atrest.cli;

import io.atrest.cli.schedule.ClusterScheduler;
import io.atrest.cli.schedule.MissedFire;
import io.atrest.cli.schedule.NightlyScheduler;
import io.atrest.cli.schedule.ScheduleConfig;
import io.atrest.cli.schedule.ScheduleFile;
import io.atrest.pipeline.AwsScanners;
import io.atrest.pipeline.ClusterPlan;
import io.atrest.pipeline.ClusterWork;
import io.atrest.pipeline.RunOutcome;
import io.atrest.pipeline.ScanPipeline;
import io.atrest.pipeline.Sinks;
import io.atrest.pipeline.Stop;
import io.atrest.report.ReportDocument;
import io.atrest.report.ReportFormat;
import io.atrest.report.management.ManagementReportQuery;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.org.ScanListener;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.sink.InventorySink;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.cluster.ClusterRuns;
import io.atrest.sql.cluster.CollectedPart;
import io.atrest.sql.ScanRun;
import io.atrest.sql.Weights;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "schedule", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run as a long-lived process that scans on a schedule (Quartz cron; default nightly at 02:00) "
                + "and optionally writes the management report on its own schedule.",
                "Never two scans at once: a scan due while one runs is logged and skipped. A night missed while the "
                        + "process was down is scanned once at start. SIGTERM lets the running scan finish the accounts "
                        + "it is collecting, closes its run ABANDONED with the reason, and exits.",
                "Logs go to stderr. --status prints the next fire times and the last runs, and exits."})
final class ScheduleCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleCommand.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Mixin
    LiveScanOptions live;

    @Option(names = "--cron", paramLabel = "EXPR",
            description = "When to scan, as a Quartz cron expression (seconds first; repeat for several). Default: "
                    + ScheduleConfig.DEFAULT_CRON + ", nightly at 02:00.")
    List<String> cron = new ArrayList<>();

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Time zone of the cron expressions (default: this machine's).")
    String timeZone;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML file with cron, timeZone and report; flags win over it.")
    Path config;

    @Option(names = "--report-cron", paramLabel = "EXPR", description = "Also write the management report on this schedule.")
    String reportCron;

    @Option(names = "--report-dir", paramLabel = "FOLDER", description = "Where scheduled reports go (default: atrest-data/reports).")
    Path reportDir;

    @Option(names = "--report-format", split = ",", paramLabel = "FORMAT", description = "pdf, html or both (default: pdf).")
    List<String> reportFormats = new ArrayList<>();

    @Option(names = "--report-since", paramLabel = "AGE", description = "The scheduled report's window (default: 90d).")
    String reportSince;

    @Option(names = "--status", description = "Print the next fire times and the last runs, then exit.")
    boolean status;

    @Option(names = "--cluster", description = "Share the work with the other nodes scheduling on the same PostgreSQL "
            + "database (Quartz's clustered JDBC store): one job per account, any node runs any account.")
    boolean cluster;

    @Option(names = "--node-id", paramLabel = "ID", description = "This node's name in the cluster (default: host name and process id).")
    String nodeId;

    @Option(names = "--node-threads", paramLabel = "N", defaultValue = "2",
            description = "Account jobs this node runs at once in --cluster mode (default: ${DEFAULT-VALUE}).")
    int nodeThreads;

    @Option(names = "--checkin-interval", paramLabel = "SECONDS", defaultValue = "15", hidden = true,
            description = "How often cluster nodes check in; one silent for about that long is taken for dead.")
    int checkinSeconds;

    @Override
    public Integer call() throws InterruptedException {
        ClassificationPolicy policy = live.policy.load(); // a broken policy fails before anything starts
        live.validate();
        ScheduleConfig schedule = config();
        Optional<ScanRun> lastScheduled;
        Optional<ScanRun> lastAny;
        List<String> clusterStatus = new ArrayList<>();
        // Open the database now: a wrong URL or a broken database must fail at start, not at 02:00.
        try (HistoryStore store = HistoryStore.open(live.db.url)) {
            lastScheduled = store.runLog().lastRunOf(cluster ? io.atrest.sql.cluster.ClusterRuns.TRIGGER : "SCHEDULE");
            lastAny = store.runLog().recentRuns(1).stream().findFirst();
            if (cluster && status) {
                Instant now = Instant.now();
                for (var node : store.clusterRuns().nodes(ClusterScheduler.SCHEDULER_NAME)) {
                    clusterStatus.add("Node        " + node.name() + "   last check-in " + format(node.lastCheckin())
                            + (node.silentAt(now) ? "   SILENT: taken for dead, its jobs go to the others" : ""));
                }
                for (ScanRun open : store.clusterRuns().running()) {
                    var counts = new java.util.TreeMap<String, Long>();
                    store.clusterRuns().work(open.id()).forEach(w -> counts.merge(w.status(), 1L, Long::sum));
                    clusterStatus.add("Open run    #" + open.id() + " started " + format(open.startedAt()) + "   accounts " + counts);
                }
                if (clusterStatus.isEmpty()) {
                    clusterStatus.add("Nodes       none has joined yet");
                }
            }
        }
        if (status) {
            printStatus(schedule, lastScheduled, lastAny);
            clusterStatus.forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
        if (cluster) {
            return runClustered(schedule, policy);
        }
        NightlyScheduler scheduler = new NightlyScheduler(schedule, new LiveWork(live, policy, schedule));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            scheduler.stop();
            stopped.countDown();
        }, "atrest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        scheduler.start();
        LOG.info("scheduler started ({}); next scan at {}", String.join(" | ", schedule.scanCrons()),
                scheduler.nextScans().stream().findFirst().map(this::format).orElse("never"));
        Optional<Instant> missed = MissedFire.since(schedule.scanExpressions(),
                lastScheduled.map(ScanRun::startedAt).orElse(null), Instant.now());
        if (missed.isPresent()) {
            LOG.info("the scan due at {} was missed while atrest was not running: scanning once now", format(missed.get()));
            scheduler.scanNow();
        }
        stopped.await();
        return ExitCode.OK;
    }

    /** --cluster: this node joins the others on the shared database until SIGTERM. */
    private int runClustered(ScheduleConfig schedule, ClassificationPolicy policy) throws InterruptedException {
        if (!live.db.url.startsWith("jdbc:postgresql:")) {
            throw new UserError("--cluster needs a shared PostgreSQL database: --db jdbc:postgresql://HOST:PORT/DB");
        }
        String node = nodeId != null ? nodeId : hostName() + "-" + ProcessHandle.current().pid();
        HistoryStore store = HistoryStore.open(live.db.url);
        ClusterScheduler scheduler;
        try {
            scheduler = new ClusterScheduler(schedule, new LiveClusterWork(live, policy, schedule), store,
                    Weights.of(policy.weights()), node, nodeThreads, Duration.ofSeconds(Math.max(1, checkinSeconds)),
                    Duration.ofSeconds(30), Duration.ofHours(20));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.stop();
            store.close();
            stopped.countDown();
        }, "atrest-shutdown"));
        scheduler.start();
        LOG.info("node {} joined the cluster ({} account job(s) at once); scans on {}", node, nodeThreads,
                String.join(" | ", schedule.scanCrons()));
        stopped.await();
        return ExitCode.OK;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }

    private ScheduleConfig config() {
        ScheduleFile file = config == null ? new ScheduleFile(null, null, null) : ScheduleFile.read(config);
        List<String> scanCrons = !cron.isEmpty() ? cron : !file.cron().isEmpty() ? file.cron() : List.of(ScheduleConfig.DEFAULT_CRON);
        ZoneId zone = ScheduleConfig.zone(timeZone != null ? timeZone : file.timeZone());
        ScheduleFile.ReportSection section = file.report();
        String reportSchedule = reportCron != null ? reportCron : section == null ? null : section.cron();
        ScheduleConfig.Report report = null;
        if (reportSchedule != null) {
            Path folder = reportDir != null ? reportDir
                    : section != null && section.folder() != null ? Path.of(section.folder()) : Path.of(Defaults.DATA_FOLDER, "reports");
            List<String> formatNames = !reportFormats.isEmpty() ? reportFormats
                    : section != null && !section.formats().isEmpty() ? section.formats() : List.of("pdf");
            List<ReportFormat> formats = formatNames.stream().map(ScheduleCommand::format).distinct().toList();
            String since = reportSince != null ? reportSince : section != null && section.since() != null ? section.since() : "90d";
            report = new ScheduleConfig.Report(reportSchedule, folder, formats, Age.parse("--report-since", since));
        } else if (reportDir != null || !reportFormats.isEmpty() || reportSince != null) {
            throw new UserError("--report-dir, --report-format and --report-since need --report-cron");
        }
        return new ScheduleConfig(scanCrons, zone, report);
    }

    private static ReportFormat format(String name) {
        try {
            return ReportFormat.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--report-format: '" + name + "' is not pdf or html");
        }
    }

    private void printStatus(ScheduleConfig schedule, Optional<ScanRun> lastScheduled, Optional<ScanRun> lastAny) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Time zone   " + schedule.zone());
        List<CronExpression> expressions = schedule.scanExpressions();
        for (int i = 0; i < expressions.size(); i++) {
            out.println("Scan        " + schedule.scanCrons().get(i) + "   next: " + nextTimes(expressions.get(i), 3));
        }
        if (schedule.report() != null) {
            out.println("Report      " + schedule.report().cron() + " -> " + schedule.report().folder() + " "
                    + schedule.report().formats() + "   next: "
                    + nextTimes(ScheduleConfig.parse("--report-cron", schedule.report().cron(), schedule.zone()), 1));
        }
        out.println("Last scheduled run  " + lastScheduled.map(this::describe).orElse("none yet"));
        out.println("Last run            " + lastAny.map(this::describe).orElse("none yet"));
        MissedFire.since(expressions, lastScheduled.map(ScanRun::startedAt).orElse(null), Instant.now())
                .filter(at -> !cluster)
                .ifPresent(at -> out.println("Missed      the scan due at " + format(at) + "; it runs once when the scheduler starts"));
        out.flush();
    }

    private String nextTimes(CronExpression expression, int count) {
        List<String> times = new ArrayList<>();
        Date at = new Date();
        for (int i = 0; i < count; i++) {
            at = expression.getNextValidTimeAfter(at);
            if (at == null) {
                break;
            }
            times.add(format(at.toInstant()));
        }
        return times.isEmpty() ? "never" : String.join(", ", times);
    }

    private String describe(ScanRun run) {
        String took = run.finishedAt() == null ? "" : ", " + Duration.between(run.startedAt(), run.finishedAt()).toSeconds() + " s";
        return "#" + run.id() + " " + run.runTrigger() + " " + run.status() + ", started " + format(run.startedAt()) + took
                + (run.score() == null ? "" : String.format(Locale.ROOT, ", score %.1f", run.score()))
                + (run.message() == null ? "" : " (" + run.message() + ")");
    }

    private String format(Instant instant) {
        ZoneId zone = ScheduleConfig.zone(timeZone);
        return WHEN.format(instant.atZone(zone));
    }

    /** Writes the scheduled management report, one file per format, into its folder; returns the files. */
    static String writeReport(HistoryStore store, ClassificationPolicy policy, ScheduleConfig schedule, Instant now) {
        ScheduleConfig.Report report = schedule.report();
        ReportDocument document = ReportDocument.of(new ManagementReportQuery(store, CheckCatalog.standard(),
                Weights.of(policy.weights()), ManagementReportQuery.restrictedLevels(policy)).read(now, report.since()));
        List<String> written = new ArrayList<>();
        for (ReportFormat format : report.formats()) {
            Path file = report.folder().resolve("management-" + LocalDate.ofInstant(now, schedule.zone()) + "." + format.extension());
            written.add(ReportFiles.write(document, format, file).toString());
        }
        return String.join(", ", written);
    }

    /** The real work of a cluster node: one walk per run, one account at a time into its parts, evaluated whole. */
    static final class LiveClusterWork implements ClusterScheduler.Work {
        private final ClassificationPolicy policy;
        private final ScheduleConfig schedule;
        private final ClusterWork work;

        LiveClusterWork(LiveScanOptions live, ClassificationPolicy policy, ScheduleConfig schedule) {
            this.policy = policy;
            this.schedule = schedule;
            this.work = new ClusterWork(new AwsScanners(live.request(policy)), policy, Clock.systemUTC(), VersionProvider.version());
        }

        @Override
        public ClusterPlan plan() {
            return work.plan();
        }

        @Override
        public CollectedPart collect(byte[] organization, String accountId, Stop stop) {
            return work.collect(organization, accountId, stop);
        }

        @Override
        public ClusterRuns.Evaluation evaluation(HistoryStore store) {
            return work.evaluation(store);
        }

        @Override
        public String report(HistoryStore store, Instant now) {
            return writeReport(store, policy, schedule, now);
        }

        @Override
        public String policyHash() {
            return work.policyHash();
        }

        @Override
        public String toolVersion() {
            return work.toolVersion();
        }
    }

    /** The real work: a live scan into the database, and the management report into its folder. */
    static final class LiveWork implements NightlyScheduler.Work {
        private final String database;
        private final ClassificationPolicy policy;
        private final ScheduleConfig schedule;
        private final ScanPipeline pipeline;

        LiveWork(LiveScanOptions live, ClassificationPolicy policy, ScheduleConfig schedule) {
            this.database = live.db.url;
            this.policy = policy;
            this.schedule = schedule;
            this.pipeline = new ScanPipeline(new AwsScanners(live.request(policy)), policy, Clock.systemUTC(), VersionProvider.version());
        }

        @Override
        public String scan(Stop stop) {
            try (InventorySink sink = Sinks.onDisk(); HistoryStore store = HistoryStore.open(database)) {
                RunOutcome outcome = pipeline.run(store, "SCHEDULE", stop, ScanListener.NONE, sink);
                ScanRun run = store.runLog().run(outcome.runId()).orElseThrow();
                return "run " + run.id() + " " + run.status() + ", " + run.accountsDone() + " of " + run.accountsPlanned()
                        + " account(s)" + (run.score() == null ? "" : String.format(Locale.ROOT, ", score %.1f", run.score()))
                        + (run.message() == null ? "" : " (" + run.message() + ")");
            }
        }

        @Override
        public String report(Instant now) {
            try (HistoryStore store = HistoryStore.open(database)) {
                return writeReport(store, policy, schedule, now);
            }
        }
    }
}
