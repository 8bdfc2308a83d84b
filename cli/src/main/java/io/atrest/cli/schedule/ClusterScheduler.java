package io.atrest.cli.schedule;

import io.atrest.pipeline.ClusterPlan;
import io.atrest.pipeline.RunFailed;
import io.atrest.pipeline.RunRefused;
import io.atrest.sql.cluster.ClusterRuns;
import io.atrest.sql.cluster.CollectedPart;
import io.atrest.sql.HistoryException;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStart;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import io.atrest.sql.Weights;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import io.atrest.pipeline.Stop;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code atrest schedule --cluster}: Quartz's clustered JDBC job store on the shared PostgreSQL
 * database (tables from atrest's own migrations). The nightly trigger fires on one node, which
 * walks the organization, opens a clustered run and fans out one job per account; any node runs
 * any account job (at most {@code threads} at once per node); the job of a node that died is
 * recovered by another; a closing job ends the run when every account is stored or failed.
 */
public final class ClusterScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterScheduler.class);
    public static final String SCHEDULER_NAME = "atrest";
    private static final JobKey NIGHTLY = JobKey.jobKey("nightly", "atrest");
    private static final JobKey REPORT = JobKey.jobKey("report", "atrest");
    private static final String ACCOUNTS = "atrest-accounts";
    private static final String CLOSING = "atrest-closing";

    /** What the cluster's jobs do; the live one scans AWS, tests give their own. */
    public interface Work {
        /** Walks the organization once: the accounts tonight's run covers, and the part their jobs collect against. */
        ClusterPlan plan();

        /** Collects one account against the run's organization part; nothing is stored yet. */
        CollectedPart collect(byte[] organization, String accountId, Stop stop);

        /** Evaluates a run's collected accounts against the whole organization and stores them. */
        ClusterRuns.Evaluation evaluation(HistoryStore store);

        /** Writes the scheduled report; one line for the log. */
        String report(HistoryStore store, Instant now);

        /** The policy hash of runs, so runs under different policies are told apart. */
        String policyHash();

        /** The version of the tool recording the runs. */
        String toolVersion();
    }

    private final ScheduleConfig config;
    private final Work work;
    private final HistoryStore store;
    private final Weights weights;
    private final String nodeId;
    private final Duration closeCheck;
    private final Duration staleAfter;
    private final Scheduler scheduler;
    private final AtomicBoolean stopping = new AtomicBoolean();

    /**
     * @param threads account jobs this node runs at once (the nightly and closing jobs share the pool)
     * @param checkin how often nodes check in; a node silent for about that long is taken for dead
     */
    public ClusterScheduler(ScheduleConfig config, Work work, HistoryStore store, Weights weights, String nodeId, int threads,
                     Duration checkin, Duration closeCheck, Duration staleAfter) {
        if (!store.url().startsWith("jdbc:postgresql:")) {
            throw new ScheduleError("--cluster needs a shared PostgreSQL database: --db jdbc:postgresql://HOST:PORT/DB");
        }
        if (threads < 1 || threads > 64) {
            throw new ScheduleError("--node-threads must be between 1 and 64");
        }
        this.config = config;
        this.work = work;
        this.store = store;
        this.weights = weights;
        this.nodeId = nodeId;
        this.closeCheck = closeCheck;
        this.staleAfter = staleAfter;
        Properties quartz = new Properties();
        quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
        quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, nodeId);
        quartz.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkin.toMillis()));
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        quartz.setProperty("org.quartz.jobStore.useProperties", "true");
        // An idle node looks for new jobs this often: account jobs another node fanned out reach it within it.
        quartz.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(Math.max(1_000, checkin.toMillis() / 2)));
        // Quartz keeps data sources in a JVM-wide registry by name: one name per scheduler.
        String dataSource = "atrest_" + UUID.randomUUID().toString().replace("-", "");
        quartz.setProperty("org.quartz.jobStore.dataSource", dataSource);
        quartz.setProperty("org.quartz.dataSource." + dataSource + ".provider", "hikaricp");
        quartz.setProperty("org.quartz.dataSource." + dataSource + ".driver", "org.postgresql.Driver");
        quartz.setProperty("org.quartz.dataSource." + dataSource + ".URL", store.url());
        quartz.setProperty("org.quartz.dataSource." + dataSource + ".maxConnections", Integer.toString(threads + 3));
        try {
            scheduler = new StdSchedulerFactory(quartz).getScheduler();
            // One node per process in production; tests run two in one JVM, and Quartz's registry is keyed by name.
            SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
            scheduler.setJobFactory((bundle, s) -> {
                Class<? extends Job> type = bundle.getJobDetail().getJobClass();
                if (type == NightlyJob.class) {
                    return new NightlyJob();
                } else if (type == AccountJob.class) {
                    return new AccountJob();
                } else if (type == CloseJob.class) {
                    return new CloseJob();
                }
                return new ReportJob();
            });
        } catch (SchedulerException e) {
            throw new HistoryException("cannot set up the clustered scheduler: " + e.getMessage(), e);
        }
    }

    /** Registers (or updates) the cluster's schedules and starts this node. */
    public void start() {
        try {
            scheduler.addJob(JobBuilder.newJob(NightlyJob.class).withIdentity(NIGHTLY).storeDurably().requestRecovery(true).build(), true);
            int i = 0;
            for (String cron : config.scanCrons()) {
                replace(TriggerBuilder.newTrigger().withIdentity("nightly-" + i++, "atrest").forJob(NIGHTLY)
                        .withSchedule(CronScheduleBuilder.cronSchedule(ScheduleConfig.parse("--cron", cron, config.zone()))
                                .inTimeZone(TimeZone.getTimeZone(config.zone()))
                                // A night missed while every node was down runs once when one comes back.
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build());
            }
            // Schedules no longer configured are dropped, so the last node started decides.
            for (TriggerKey key : scheduler.getTriggersOfJob(NIGHTLY).stream().map(t -> t.getKey())
                    .filter(k -> k.getName().startsWith("nightly-")).toList()) {
                int index = Integer.parseInt(key.getName().substring("nightly-".length()));
                if (index >= config.scanCrons().size()) {
                    scheduler.unscheduleJob(key);
                }
            }
            if (config.report() != null) {
                scheduler.addJob(JobBuilder.newJob(ReportJob.class).withIdentity(REPORT).storeDurably().build(), true);
                replace(TriggerBuilder.newTrigger().withIdentity("report", "atrest").forJob(REPORT)
                        .withSchedule(CronScheduleBuilder.cronSchedule(ScheduleConfig.parse("--report-cron", config.report().cron(), config.zone()))
                                .inTimeZone(TimeZone.getTimeZone(config.zone())).withMisfireHandlingInstructionFireAndProceed())
                        .build());
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new HistoryException("cannot start the clustered scheduler: " + e.getMessage(), e);
        }
    }

    private void replace(org.quartz.Trigger trigger) throws SchedulerException {
        if (scheduler.checkExists(trigger.getKey())) {
            scheduler.rescheduleJob(trigger.getKey(), trigger);
        } else {
            scheduler.scheduleJob(trigger);
        }
    }

    /** Fires the nightly job once now, on whichever node gets it. */
    public void scanNow() {
        try {
            scheduler.triggerJob(NIGHTLY);
        } catch (SchedulerException e) {
            throw new HistoryException("cannot trigger the nightly job: " + e.getMessage(), e);
        }
    }

    /** Stops taking jobs; account jobs running here finish their account first. */
    public void stop() {
        stopping.set(true);
        try {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warn("clustered scheduler did not stop cleanly: {}", e.getMessage());
        }
    }

    /** Stops at once without waiting for running jobs, as a node that dies would (tests). */
    public void abandonNode() {
        try {
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Opens tonight's run and fans out one job per account; skips when a run is still open. */
    @DisallowConcurrentExecution
    final class NightlyJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            Instant now = Instant.now();
            ClusterRuns runs = store.clusterRuns();
            try {
                for (ScanRun open : runs.running()) {
                    Optional<RunStatus> closed = runs.closeIfDone(open.id(), weights, now, work.evaluation(store));
                    if (closed.isPresent()) {
                        LOG.info("run {} closed {}", open.id(), closed.get());
                    } else if (open.startedAt().isBefore(now.minus(staleAfter))) {
                        runs.abandon(open.id(), "not finished " + staleAfter.toHours() + " h after it began; left out of every trend", now);
                        LOG.warn("run {} abandoned: not finished {} h after it began", open.id(), staleAfter.toHours());
                    } else {
                        // A fan-out that died before scheduling its keeper leaves a run nobody looks after.
                        scheduleKeeper(open.id(), now);
                        LOG.warn("scan due at {} skipped: clustered run {} started at {} is still running", now, open.id(), open.startedAt());
                        return;
                    }
                }
                ClusterPlan plan = work.plan();
                long runId = runs.start(new RunStart(ClusterRuns.TRIGGER, now, work.toolVersion(), work.policyHash(),
                        plan.organizationId(), plan.accountIds().size()), plan.organizationId(), plan.accountIds(), now,
                        plan.organization());
                store.runErrors().record(runId, plan.errors().stream().filter(e -> e.accountId() == null).toList());
                // The keeper first: if this node dies while fanning out, the keeper (on any node) schedules what is missing.
                scheduleKeeper(runId, now);
                for (String account : plan.accountIds()) {
                    scheduleAccount(runId, account);
                }
                LOG.info("run {} opened: {} account job(s) for the cluster", runId, plan.accountIds().size());
            } catch (HistoryException | RunRefused | RunFailed e) {
                LOG.error("nightly run not started: {}", e.getMessage());
            } catch (SchedulerException | RuntimeException e) {
                LOG.error("nightly run not started: {}", e.toString(), e);
            }
        }
    }

    /**
     * Collects one account of a clustered run against the run's walk (no walk of its own), unless
     * it is collected already (a recovered job finds its part); the keeper evaluates it later.
     */
    final class AccountJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            JobDataMap data = context.getMergedJobDataMap();
            long runId = Long.parseLong(data.getString("runId"));
            String account = data.getString("accountId");
            ClusterRuns runs = store.clusterRuns();
            ClusterRuns.Claim claim = runs.claim(runId, account, nodeId, Instant.now());
            if (claim != ClusterRuns.Claim.CLAIMED) {
                LOG.info("run {} account {}: {}", runId, account, claim == ClusterRuns.Claim.ALREADY_STORED
                        ? "stored by an earlier attempt" : "nothing to do");
                return;
            }
            if (context.isRecovering()) {
                LOG.info("run {} account {}: recovered from a node that stopped", runId, account);
            }
            try {
                byte[] organization = runs.organizationPart(runId)
                        .orElseThrow(() -> new HistoryException("run " + runId + " has no organization part to collect against"));
                CollectedPart part = work.collect(organization, account, stopping::get);
                if (!runs.collected(runId, nodeId, part, Instant.now())) {
                    LOG.warn("run {} account {}: another node took it over meanwhile; its result stands", runId, account);
                    return;
                }
                LOG.info("run {} account {}: collected ({})", runId, account, part.status());
            } catch (RuntimeException e) {
                runs.finish(runId, account, nodeId, false, String.valueOf(e.getMessage()), Instant.now());
                LOG.error("run {} account {} failed: {}", runId, account, e.getMessage());
            }
        }
    }

    /** Schedules the run's keeper (see {@link CloseJob}), unless it exists already. */
    private void scheduleKeeper(long runId, Instant now) throws SchedulerException {
        JobDataMap closing = new JobDataMap();
        closing.put("runId", Long.toString(runId));
        try {
            scheduler.scheduleJob(JobBuilder.newJob(CloseJob.class).withIdentity("close-" + runId, CLOSING).usingJobData(closing)
                            .requestRecovery(true).build(),
                    TriggerBuilder.newTrigger().withIdentity("close-" + runId, CLOSING)
                            .startAt(java.util.Date.from(now.plus(closeCheck)))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(closeCheck.toMillis()).repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
        } catch (org.quartz.ObjectAlreadyExistsException e) {
            // the run has its keeper
        }
    }

    /** Schedules one account's job, unless it exists already. */
    private void scheduleAccount(long runId, String account) throws SchedulerException {
        JobKey key = JobKey.jobKey("run-" + runId + "-" + account, ACCOUNTS);
        JobDataMap data = new JobDataMap();
        data.put("runId", Long.toString(runId));
        data.put("accountId", account);
        try {
            scheduler.scheduleJob(JobBuilder.newJob(AccountJob.class).withIdentity(key).usingJobData(data).requestRecovery(true).build(),
                    TriggerBuilder.newTrigger().withIdentity(key.getName(), ACCOUNTS).startNow().build());
        } catch (org.quartz.ObjectAlreadyExistsException e) {
            // scheduled by the fan-out or by the keeper already
        }
    }

    /**
     * Keeps its run going and closes it: schedules the job of any account still PENDING without
     * one (the node fanning out died half-way), and closes the run once no account is pending or
     * running; then removes itself.
     */
    @DisallowConcurrentExecution
    final class CloseJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            long runId = Long.parseLong(context.getMergedJobDataMap().getString("runId"));
            try {
                java.util.Set<String> scheduled = new java.util.HashSet<>();
                scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals(ACCOUNTS)).forEach(k -> scheduled.add(k.getName()));
                for (var work : store.clusterRuns().work(runId)) {
                    if ("PENDING".equals(work.status()) && !scheduled.contains("run-" + runId + "-" + work.accountId())) {
                        LOG.info("run {} account {}: its job was never scheduled; scheduling it", runId, work.accountId());
                        scheduleAccount(runId, work.accountId());
                    }
                }
                Optional<RunStatus> closed = store.clusterRuns().closeIfDone(runId, weights, Instant.now(), work.evaluation(store));
                boolean open = store.runLog().run(runId).map(r -> r.status() == RunStatus.RUNNING).orElse(false);
                if (closed.isPresent()) {
                    LOG.info("run {} closed {}", runId, closed.get());
                }
                if (!open) {
                    scheduler.deleteJob(context.getJobDetail().getKey());
                }
            } catch (SchedulerException | RuntimeException e) {
                LOG.error("run {} not closed yet: {}", runId, e.getMessage());
            }
        }
    }

    final class ReportJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                LOG.info("report written: {}", work.report(store, Instant.now()));
            } catch (RuntimeException e) {
                LOG.error("report not written: {}", e.getMessage());
            }
        }
    }
}
