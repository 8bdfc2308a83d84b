package io.atrest.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.ResourceRef;
import io.atrest.scanner.check.Score;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.ListingGaps;
import io.atrest.scanner.policy.Severity;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The history of scans: runs, accounts, resources, and findings stored as intervals of
 * unchanged state. Each account's part of a run is one transaction, so a run that dies leaves
 * whole accounts or nothing of them; a finding that did not change costs no write at all.
 */
public final class HistoryStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    /**
     * Ids bound per IN list. H2 rechecks every row it fetches against a bound IN list one value
     * at a time, so each row costs the list's length: short lists, more statements.
     */
    private static final int IN_BATCH = 100;

    /** Runs {@code query} over {@code ids} {@link #IN_BATCH} at a time and returns every row it answered. */
    private static <T> List<T> inBatches(List<Long> ids, java.util.function.Function<List<Long>, List<T>> query) {
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_BATCH) {
            rows.addAll(query.apply(ids.subList(from, Math.min(ids.size(), from + IN_BATCH))));
        }
        return rows;
    }

    private final Database database;
    private final Jdbi jdbi;
    private final Map<Long, Instant> runStarts = new ConcurrentHashMap<>();

    private HistoryStore(Database database) {
        this.database = database;
        this.jdbi = Jdbi.create(database.dataSource()).installPlugin(new SqlObjectPlugin());
    }

    /**
     * Opens (creating where needed) and migrates the database at {@code jdbcUrl}. Runs left
     * RUNNING by a process that died are marked ABANDONED here, when no scan holds the writer lock.
     */
    public static HistoryStore open(String jdbcUrl) {
        return migrated(Database.connect(jdbcUrl), jdbcUrl, null);
    }

    /**
     * Migrates an opened database and marks dead runs ABANDONED; with {@code unless} given, first
     * refuses a database that fails it. Closes the database when anything fails.
     */
    private static HistoryStore migrated(Database database, String jdbcUrl, java.util.function.Consumer<Database> unless) {
        try {
            if (unless != null) {
                unless.accept(database);
            }
            Migration migration = migrate(database.dataSource(), jdbcUrl);
            HistoryStore store = new HistoryStore(database);
            store.migration = migration;
            store.abandonDeadRuns();
            return store;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Opens a database that already holds atrest's history, for commands that only read it: a
     * missing H2 file, an in-memory URL or a PostgreSQL database without atrest's tables is a
     * {@link HistoryException} naming it (and {@code hint}, the likely fix), and nothing is
     * created. An older schema is migrated, as {@link #open} does.
     */
    public static HistoryStore openExisting(String jdbcUrl, String hint) {
        Database.requireExisting(jdbcUrl, hint);
        return migrated(Database.connect(jdbcUrl), jdbcUrl, database -> {
            if (!hasHistory(database)) {
                throw new HistoryException("no atrest history in " + Database.redact(jdbcUrl) + " (its tables do not exist)"
                        + (hint == null ? "" : "; " + hint));
            }
        });
    }

    /** Whether atrest's migrations ever ran here (Flyway's table), in the connection's schema. */
    private static boolean hasHistory(Database database) {
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) {
                    return true;
                }
            }
            return false;
        } catch (java.sql.SQLException e) {
            throw new HistoryException("cannot read database " + Database.redact(database.url()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * What opening did to the schema: {@code from} null for a database created now, {@code applied}
     * 0 when it was up to date.
     */
    public record Migration(String from, String to, int applied) {}

    private Migration migration;

    /** What opening did to the schema (for {@code atrest db migrate}). */
    public Migration migration() {
        return migration;
    }

    private static Migration migrate(DataSource dataSource, String jdbcUrl) {
        try {
            org.flywaydb.core.api.output.MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new Migration(result.initialSchemaVersion, result.targetSchemaVersion == null ? result.initialSchemaVersion
                    : result.targetSchemaVersion, result.migrationsExecuted);
        } catch (FlywayException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("not resolved locally") || message.contains("newer than")) {
                throw new HistoryException("database " + Database.redact(jdbcUrl)
                        + " has a newer schema than this atrest knows: upgrade atrest", e);
            }
            throw new HistoryException("cannot migrate database " + Database.redact(jdbcUrl) + ": " + firstLine(message), e);
        }
    }

    /** RUNNING runs whose writer is gone become ABANDONED; returns how many. */
    public int abandonDeadRuns() {
        if (!database.tryWriterLock()) {
            return 0; // a scan is writing right now: its run is alive
        }
        try {
            return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.abandonRunning(Instant.now())));
        } finally {
            database.releaseWriterLock();
        }
    }

    /**
     * Starts a run, holding the writer lock until {@link #finishRun} or {@link #close}.
     *
     * @throws HistoryException when another scan is writing to this database
     */
    public long startRun(RunStart start) {
        if (!database.acquireWriterLock(Duration.ofSeconds(5))) {
            String running = call(() -> jdbi.withExtension(HistoryDao.class, HistoryDao::runningRuns)).stream()
                    .map(r -> "run " + r.id() + " started " + r.startedAt()).findFirst().orElse("a run");
            throw new HistoryException("another atrest scan is writing to this database (" + running + "); try again when it ends");
        }
        Optional<ScanRun> clustered = call(() -> jdbi.withExtension(HistoryDao.class, HistoryDao::runningRuns)).stream()
                .filter(r -> ClusterRuns.TRIGGER.equals(r.runTrigger())).findFirst();
        if (clustered.isPresent()) {
            database.releaseWriterLock();
            throw new HistoryException("a clustered run is writing to this database (run " + clustered.get().id() + " started "
                    + clustered.get().startedAt() + "); try again when it ends");
        }
        long id = call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.insertRun(start)));
        runStarts.put(id, start.startedAt());
        return id;
    }

    /**
     * Lets go of an H2 file while a scan collects and has nothing to write, keeping the writer
     * lock: other processes can read the history meanwhile, and no other scan can start.
     * {@link #resumeWriting} before writing again (every writing method needs it). Nothing for
     * PostgreSQL, which any number of processes read at once.
     */
    public void pauseWriting() {
        database.letGo();
    }

    /** Takes the H2 file back after {@link #pauseWriting}, waiting up to a minute for a reader to finish with it. */
    public void resumeWriting() {
        database.takeBack(Duration.ofMinutes(1));
    }

    /**
     * Forgets a run that stored nothing (it was refused for bad input before any account was
     * written) and releases the writer lock. A run that stored anything is kept.
     */
    public boolean discardRun(long runId) {
        try {
            return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.discardRun(runId))) == 1;
        } finally {
            runStarts.remove(runId);
            database.releaseWriterLock();
        }
    }

    /** Records what a run found to scan, once the organization has been walked. */
    public void planRun(long runId, String organizationId, int accountsPlanned) {
        call(() -> {
            jdbi.useExtension(HistoryDao.class, dao -> dao.planRun(runId, organizationId, accountsPlanned));
            return null;
        });
    }

    /**
     * Stores one account's part of a run, all or nothing. Unchanged findings are left alone;
     * a changed one closes its old state (at the account's previous run) and opens a new one;
     * one no longer reported is closed, unless its resource sits in a listing gap.
     */
    public void recordAccount(long runId, AccountResult result, List<Finding> findings, Score score) {
        Account account = result.account();
        Instant runStarted = runStarts.computeIfAbsent(runId, id -> run(id).map(ScanRun::startedAt)
                .orElseThrow(() -> new HistoryException("no run " + id)));
        call(() -> {
            jdbi.useTransaction(handle -> {
                HistoryDao dao = handle.attach(HistoryDao.class);
                Long previousRun = dao.accountLastRun(account.id()).orElse(null);
                storeAccount(dao, runId, account, previousRun);
                dao.insertRunAccount(runId, account.id(), account.ouPathText(), result.status(), String.join(",", result.regions()),
                        result.collectionErrors(), score.score(), score.coverage(), truncate(result.message(), 4000));
                if (!"FAILED".equals(result.status())) {
                    storeFindings(dao, runId, runStarted, previousRun, result, findings);
                }
                List<HistoryDao.Aggregate> aggregates = aggregate(runId, account, findings);
                if (!aggregates.isEmpty()) {
                    dao.insertAggregates(aggregates);
                    dao.insertRollups(rollup(aggregates));
                }
                List<HistoryDao.NotEvaluatedCount> unknown = notEvaluated(runId, account, findings);
                if (!unknown.isEmpty()) {
                    dao.insertNotEvaluated(unknown);
                }
            });
            return null;
        });
    }

    private static void storeAccount(HistoryDao dao, long runId, Account account, Long previousRun) {
        String tags = json(new TreeMap<>(account.tags()));
        if (previousRun == null) {
            dao.insertAccount(account.id(), account.name(), account.email(), account.ouPathText(), tags, runId);
        } else {
            dao.updateAccount(account.id(), account.name(), account.email(), account.ouPathText(), tags, runId);
        }
        Optional<HistoryDao.AccountStateRow> state = dao.currentAccountState(account.id());
        boolean same = state.isPresent() && Objects.equals(state.get().name(), account.name())
                && Objects.equals(state.get().email(), account.email())
                && state.get().ouPath().equals(account.ouPathText()) && state.get().tags().equals(tags);
        if (!same) {
            state.ifPresent(s -> dao.closeAccountState(s.id(), previousRun == null ? runId : previousRun));
            dao.insertAccountState(account.id(), account.name(), account.email(), account.ouPathText(), tags, runId);
        }
    }

    private void storeFindings(HistoryDao dao, long runId, Instant runStarted, Long previousRun, AccountResult result,
                               List<Finding> findings) {
        String accountId = result.account().id();
        Map<String, HistoryDao.ResourceRow> resources = new HashMap<>();
        dao.resources(accountId).forEach(r -> resources.put(r.arn(), r));

        // Each resource's findings and a quick digest of them: an unchanged quick digest means nothing to compare,
        // so a night where 1% of findings change reads and writes about 1% of them. Of a changed resource, the
        // findings whose quick digest matches their open state are kept as they are; SHA-256 state hashes (what
        // stored states are compared by and recorded with) are computed only for the others.
        Map<String, List<Finding>> byResource = new LinkedHashMap<>();
        Map<String, ResourceRef> refs = new HashMap<>();
        for (Finding f : findings) {
            byResource.computeIfAbsent(f.resource().arn(), k -> new ArrayList<>()).add(f);
            refs.putIfAbsent(f.resource().arn(), f.resource());
        }

        Map<Long, String> changed = new LinkedHashMap<>(); // resource id -> arn, for resources seen this run
        Map<Long, long[]> findingQuicks = new HashMap<>(); // of a changed resource, each finding's quick digest, in order
        Map<Long, Long> resourceQuicks = new HashMap<>();
        List<Long> reopened = new ArrayList<>();
        List<Long> digestIds = new ArrayList<>();
        List<Long> digestValues = new ArrayList<>();
        List<Long> quickValues = new ArrayList<>();
        List<Long> quickOnlyIds = new ArrayList<>();
        List<Long> quickOnlyValues = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (Map.Entry<String, List<Finding>> entry : byResource.entrySet()) {
            String arn = entry.getKey();
            List<Finding> resourceFindings = entry.getValue();
            HistoryDao.ResourceRow row = resources.get(arn);
            long[] quicks = new long[resourceFindings.size()];
            long quick = 0;
            for (int i = 0; i < quicks.length; i++) {
                quicks[i] = StateHash.quick(resourceFindings.get(i));
                quick += StateHash.mix(quicks[i]);
            }
            if (row != null && row.quickDigest() != null && row.quickDigest() == quick && row.lastRunId() == null) {
                continue; // same findings in the same states: nothing to hash, compare or write
            }
            long id;
            if (row == null) {
                ResourceRef ref = refs.get(arn);
                id = dao.insertResource(arn, ref.type().name(), accountId, ref.region(), ref.name(), runId);
            } else {
                id = row.id();
                if (row.lastRunId() != null) {
                    reopened.add(id);
                } else if (row.quickDigest() == null && row.stateDigest() != null && row.stateDigest() == stateDigest(resourceFindings)) {
                    // Same states, its quick digest not stored yet: the first night after V8.
                    quickOnlyIds.add(id);
                    quickOnlyValues.add(quick);
                    continue;
                }
            }
            ids.put(arn, id);
            changed.put(id, arn);
            findingQuicks.put(id, quicks);
            resourceQuicks.put(id, quick);
        }
        if (!quickOnlyIds.isEmpty()) {
            dao.setQuickDigests(quickOnlyIds, quickOnlyValues);
        }
        if (!reopened.isEmpty()) {
            dao.reopenResources(reopened);
        }
        List<Long> gone = new ArrayList<>();
        if (previousRun != null) {
            for (HistoryDao.ResourceRow r : resources.values()) {
                if (r.lastRunId() == null && !byResource.containsKey(r.arn())
                        && !ListingGaps.covers(result.listingGaps(), r.resourceType(), r.region())) {
                    gone.add(r.id());
                }
            }
            if (!gone.isEmpty()) {
                dao.closeResources(previousRun, gone);
                digestIds.addAll(gone);
                gone.forEach(g -> {
                    digestValues.add(0L);
                    quickValues.add(0L);
                });
            }
        }

        List<Long> toLoad = new ArrayList<>(changed.keySet());
        toLoad.addAll(gone);
        Map<HistoryDao.FindingKey, OpenState> open = new HashMap<>();
        Set<Long> withOpenStates = new HashSet<>();
        for (HistoryDao.OpenStatesRow row : inBatches(toLoad, dao::openStatesOf)) {
            withOpenStates.add(row.resourceId());
            for (OpenState state : OpenState.decode(row.resourceId(), row.states())) {
                open.put(new HistoryDao.FindingKey(state.resourceId(), state.checkId()), state);
            }
        }
        List<Long> close = new ArrayList<>();
        List<HistoryDao.NewFinding> inserts = new ArrayList<>();
        List<HistoryDao.Remediation> fixes = new ArrayList<>();
        List<OpenState> fixedFailures = new ArrayList<>();
        // Each changed resource's open states after this run: kept ones as they are, new ones once their ids are known.
        Map<Long, List<OpenState>> keptStates = new LinkedHashMap<>();
        Map<Long, List<Integer>> insertedStates = new HashMap<>();
        int newFailures = 0;
        for (Map.Entry<Long, String> resource : changed.entrySet()) {
            long resourceId = resource.getKey();
            List<OpenState> kept = keptStates.computeIfAbsent(resourceId, k -> new ArrayList<>());
            List<Finding> resourceFindings = byResource.get(resource.getValue());
            long[] quicks = findingQuicks.get(resourceId);
            long digest = 0;
            for (int i = 0; i < quicks.length; i++) {
                Finding finding = resourceFindings.get(i);
                OpenState before = open.remove(new HistoryDao.FindingKey(resourceId, finding.checkId()));
                if (before != null && before.sameQuick(quicks[i])) {
                    kept.add(before);
                    digest += StateHash.mix(before.stateHash() ^ StateHash.of(finding.checkId()));
                    continue;
                }
                long hash = StateHash.of(finding);
                digest += StateHash.mix(hash ^ StateHash.of(finding.checkId()));
                if (before != null && before.stateHash() == hash) {
                    kept.add(before.withQuick(quicks[i])); // a state stored without its quick digest gains it
                    continue;
                }
                if (before != null) {
                    close.add(before.findingId());
                }
                Instant failingSince = null;
                boolean failingNow = finding.outcome() == Outcome.FAIL;
                boolean unknownNow = finding.outcome() == Outcome.NOT_EVALUATED;
                if (failingNow || unknownNow) {
                    failingSince = before != null && before.failingSince() != null ? before.failingSince() : failingNow ? runStarted : null;
                }
                if (failingNow && (before == null || before.failingSince() == null)) {
                    newFailures++; // a failing streak begins: a new or regressed finding
                }
                // A failing streak ends: fixed, even when the night before could not tell (NOT_EVALUATED keeps the streak).
                if (before != null && before.failingSince() != null && !failingNow && !unknownNow) {
                    fixedFailures.add(before); // counted with the severity and classification it failed with
                }
                insertedStates.computeIfAbsent(resourceId, k -> new ArrayList<>()).add(inserts.size());
                inserts.add(new HistoryDao.NewFinding(resourceId, accountId, finding.checkId(), finding.severity().name(),
                        finding.outcome().name(), finding.reason() == null ? null : finding.reason().name(),
                        finding.failedOperation(), finding.classification(), truncate(finding.message(), 4000),
                        truncate(json(finding.evidence()), 65535), hash, failingSince, runId, quicks[i]));
            }
            digestIds.add(resourceId);
            digestValues.add(digest);
            quickValues.add(resourceQuicks.get(resourceId));
        }
        // Findings no longer reported on a changed or gone resource are closed; a gone failing one counts as fixed.
        List<OpenState> staleFailures = new ArrayList<>(fixedFailures);
        for (OpenState stale : open.values()) {
            close.add(stale.findingId());
            if (stale.failingSince() != null) {
                staleFailures.add(stale);
            }
        }
        if (!staleFailures.isEmpty()) {
            Map<Long, HistoryDao.FindingLabels> labels = new HashMap<>();
            inBatches(staleFailures.stream().map(OpenState::findingId).toList(), dao::labelsOf).forEach(l -> labels.put(l.id(), l));
            for (OpenState stale : staleFailures) {
                HistoryDao.FindingLabels label = labels.get(stale.findingId());
                fixes.add(remediation(accountId, stale.resourceId(), stale.checkId(), label.severity(), label.classification(),
                        stale.failingSince(), runId, runStarted));
            }
        }
        if (!close.isEmpty()) {
            dao.closeFindings(previousRun == null ? runId : previousRun, close);
        }
        long[] insertedIds = inserts.isEmpty() ? new long[0] : dao.insertFindings(inserts);
        if (insertedIds.length != inserts.size()) {
            throw new IllegalStateException("the database returned " + insertedIds.length + " ids for " + inserts.size() + " new finding states");
        }
        if (!fixes.isEmpty()) {
            dao.insertRemediations(fixes);
            dao.insertRemediated(remediated(runId, accountId, fixes));
        }
        if (!digestIds.isEmpty()) {
            dao.setDigests(digestIds, digestValues, quickValues);
        }
        storeOpenStates(dao, keptStates, insertedStates, inserts, insertedIds, withOpenStates, gone);
        if (newFailures > 0) {
            dao.insertNewFailures(runId, accountId, newFailures);
        }
        storeAttributes(dao, runId, previousRun, result, resources, ids, gone);
    }

    /** A resource's state digest: its findings' SHA-256 state hashes, each tied to its check, summed. */
    private static long stateDigest(List<Finding> resourceFindings) {
        long digest = 0;
        for (Finding f : resourceFindings) {
            digest += StateHash.mix(StateHash.of(f) ^ StateHash.of(f.checkId()));
        }
        return digest;
    }

    /** Rewrites the open-state row of each changed resource and drops those of gone resources. */
    private static void storeOpenStates(HistoryDao dao, Map<Long, List<OpenState>> keptStates, Map<Long, List<Integer>> insertedStates,
                                        List<HistoryDao.NewFinding> inserts, long[] insertedIds, Set<Long> withOpenStates,
                                        List<Long> gone) {
        List<HistoryDao.OpenStatesRow> updates = new ArrayList<>();
        List<HistoryDao.OpenStatesRow> creates = new ArrayList<>();
        keptStates.forEach((resourceId, states) -> {
            for (int i : insertedStates.getOrDefault(resourceId, List.of())) {
                HistoryDao.NewFinding row = inserts.get(i);
                states.add(new OpenState(insertedIds[i], resourceId, row.checkId(), row.stateHash(), row.outcome(), row.failingSince(),
                        row.quick()));
            }
            HistoryDao.OpenStatesRow row = new HistoryDao.OpenStatesRow(resourceId, OpenState.encode(states));
            (withOpenStates.contains(resourceId) ? updates : creates).add(row);
        });
        if (!updates.isEmpty()) {
            dao.updateOpenStates(updates);
        }
        if (!creates.isEmpty()) {
            dao.insertOpenStates(creates);
        }
        List<Long> dropped = gone.stream().filter(withOpenStates::contains).toList();
        if (!dropped.isEmpty()) {
            dao.deleteOpenStates(dropped);
        }
    }

    /** Opens a new attribute interval for each resource whose attributes changed, and closes those of gone resources. */
    private static void storeAttributes(HistoryDao dao, long runId, Long previousRun, AccountResult result,
                                        Map<String, HistoryDao.ResourceRow> resources, Map<String, Long> changedIds, List<Long> gone) {
        List<Long> close = new ArrayList<>(gone);
        List<Long> insertIds = new ArrayList<>();
        List<String> insertJson = new ArrayList<>();
        List<Long> hashIds = new ArrayList<>();
        List<Long> hashes = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : result.attributes().entrySet()) {
            HistoryDao.ResourceRow row = resources.get(entry.getKey());
            Long id = row != null ? Long.valueOf(row.id()) : changedIds.get(entry.getKey());
            if (id == null) {
                continue; // a resource with no finding has no row
            }
            String json = json(new TreeMap<>(entry.getValue()));
            long hash = StateHash.of(json);
            if (row != null && row.attributesHash() != null && row.attributesHash() == hash && row.lastRunId() == null) {
                continue;
            }
            if (row != null && row.attributesHash() != null) {
                close.add(id);
            }
            insertIds.add(id);
            insertJson.add(json);
            hashIds.add(id);
            hashes.add(hash);
        }
        if (!close.isEmpty()) {
            dao.closeAttributes(previousRun == null ? runId : previousRun, close);
        }
        if (!insertIds.isEmpty()) {
            dao.insertAttributes(insertIds, insertJson, runId);
            dao.setAttributeHashes(hashIds, hashes);
        }
    }

    /** How a resource's attributes changed over time: one entry per interval, oldest first. */
    public List<AttributeInterval> attributeHistory(String arn) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.attributeHistory(arn)).stream()
                .map(row -> new AttributeInterval(parse(row.attributes()), row.firstRunId(), row.lastRunId()))
                .toList());
    }

    private static HistoryDao.Remediation remediation(String accountId, long resourceId, String checkId, String severity,
                                                      String classification, Instant failingSince, long runId, Instant at) {
        return new HistoryDao.Remediation(accountId, resourceId, checkId, severity, classification, failingSince, runId, at,
                Math.max(0, Duration.between(failingSince, at).toSeconds()));
    }

    /** Closes a RUNNING run and releases the writer lock; a run already closed is left as it is. */
    public void finishRun(long runId, RunStatus status, Instant finishedAt, RunTotals totals) {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run is closed with a final status");
        }
        try {
            call(() -> jdbi.inTransaction(handle -> {
                HistoryDao dao = handle.attach(HistoryDao.class);
                if (dao.closeRun(runId, status.name(), finishedAt, totals) == 1) {
                    dao.insertRunTotals(runId);
                    dao.insertOuTotals(runId);
                    dao.insertCheckTotals(runId);
                }
                return null;
            }));
        } finally {
            runStarts.remove(runId);
            database.wrote();
            database.releaseWriterLock();
        }
    }

    // ------------------------------------------------------------------ reads

    public Optional<ScanRun> run(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.run(runId)));
    }

    public List<ScanRun> recentRuns(int limit) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.recentRuns(limit)));
    }

    /** The newest runs that stored findings (COMPLETE or PARTIAL), newest first. */
    public List<ScanRun> recentStoredRuns(int limit) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.recentStoredRuns(limit)));
    }

    /** The last stored run that had started by {@code at}: what was known at that moment. */
    public Optional<ScanRun> lastStoredRunAt(Instant at) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.lastStoredRunAt(at)));
    }

    /** The findings as they stood in run {@code runId}, for the accounts that run stored. */
    public List<StoredFinding> findings(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.findings(runId)).stream()
                .map(HistoryStore::stored)
                .toList());
    }

    /**
     * What changed between runs {@code a} and {@code b} (a before b): findings failing in b that
     * were not in a (NEW, or REGRESSED when they had failed before), and findings failing in a
     * that no longer fail in b (RESOLVED). Accounts that b did not scan are left out.
     */
    public List<FindingChange> diff(long a, long b) {
        if (a >= b) {
            throw new IllegalArgumentException("diff needs an earlier run first: " + a + " is not before " + b);
        }
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> {
            Set<String> scannedInB = new HashSet<>(dao.accountsOf(b));
            // A finding that changed between a and b has a state that began in (a, b] or ended in [a, b): those
            // two index ranges hold its state at a and at b. Older states are read only to tell a regression.
            Map<HistoryDao.FindingKey, Map<Long, HistoryDao.StateRow>> byKey = new TreeMap<>(FINDING_KEY_ORDER);
            for (List<HistoryDao.StateRow> rows : List.of(dao.statesBegunBetween(a, b), dao.statesEndedBetween(a, b))) {
                for (HistoryDao.StateRow row : rows) {
                    byKey.computeIfAbsent(new HistoryDao.FindingKey(row.resourceId(), row.checkId()), k -> new TreeMap<>())
                            .put(row.firstRunId(), row);
                }
            }
            record Candidate(HistoryDao.FindingKey key, FindingChange.Kind kind, HistoryDao.StateRow atA, HistoryDao.StateRow atB) {}
            List<Candidate> candidates = new ArrayList<>();
            byKey.forEach((key, states) -> {
                List<HistoryDao.StateRow> rows = new ArrayList<>(states.values());
                HistoryDao.StateRow atA = rows.stream().filter(r -> r.covers(a)).findFirst().orElse(null);
                HistoryDao.StateRow atB = rows.stream().filter(r -> r.covers(b)).findFirst().orElse(null);
                boolean failA = atA != null && "FAIL".equals(atA.outcome());
                boolean failB = atB != null && "FAIL".equals(atB.outcome());
                HistoryDao.StateRow any = atB != null ? atB : atA != null ? atA : rows.get(rows.size() - 1);
                if (!scannedInB.contains(any.accountId())) {
                    return;
                }
                if (failB && !failA) {
                    candidates.add(new Candidate(key, FindingChange.Kind.NEW, atA, atB));
                } else if (failA && !failB && (atB == null || !"NOT_EVALUATED".equals(atB.outcome()))) {
                    candidates.add(new Candidate(key, FindingChange.Kind.RESOLVED, atA, atB));
                }
            });
            Map<Long, HistoryDao.ResourceName> names = new HashMap<>();
            inBatches(candidates.stream().map(c -> c.key().resourceId()).distinct().toList(), dao::resourcesById)
                    .forEach(r -> names.put(r.id(), r));
            List<FindingChange> changes = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) {
                // Failing in b and not in a: REGRESSED when it had failed at or before a, NEW otherwise. One (resource,
                // check) seek each: reading every state of the resources read twenty times the rows.
                FindingChange.Kind kind = c.kind() == FindingChange.Kind.NEW
                        && dao.firstFailure(c.key().resourceId(), c.key().checkId()).filter(first -> first <= a).isPresent()
                        ? FindingChange.Kind.REGRESSED : c.kind();
                HistoryDao.StateRow row = kind == FindingChange.Kind.RESOLVED ? c.atA() : c.atB();
                changes.add(change(kind, row, names.get(c.key().resourceId()), c.atA(), c.atB()));
            }
            return changes;
        }));
    }

    private static final java.util.Comparator<HistoryDao.FindingKey> FINDING_KEY_ORDER =
            java.util.Comparator.comparingLong(HistoryDao.FindingKey::resourceId).thenComparing(HistoryDao.FindingKey::checkId);

    private static FindingChange change(FindingChange.Kind kind, HistoryDao.StateRow row, HistoryDao.ResourceName resource,
                                        HistoryDao.StateRow before, HistoryDao.StateRow after) {
        return new FindingChange(kind, row.checkId(), row.severity(), resource.arn(), resource.resourceType(), row.accountId(),
                resource.region(), row.classification(), before == null ? null : before.outcome(),
                after == null ? null : after.outcome(), (after != null ? after : row).message());
    }

    /**
     * The failing findings of run {@code runId}: what was open then. For the newest run, what is
     * open now: the open states name the failing rows, read by id, instead of a pass over every
     * state the history holds (a year of it: 25 s).
     */
    public List<StoredFinding> failingFindings(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> {
            if (dao.runsAfter(runId) > 0) {
                return dao.failingFindings(runId);
            }
            Set<String> accounts = new HashSet<>(dao.accountsOf(runId));
            return currentFailures(dao, dao.allOpenStates(), state -> true).stream()
                    .filter(f -> accounts.contains(f.accountId()))
                    .sorted(java.util.Comparator.comparing(HistoryDao.FindingRow::accountId)
                            .thenComparing(HistoryDao.FindingRow::resourceArn).thenComparing(HistoryDao.FindingRow::checkId))
                    .toList();
        }).stream()
                .map(HistoryStore::stored)
                .toList());
    }

    private static StoredFinding stored(HistoryDao.FindingRow row) {
        return new StoredFinding(row.checkId(), row.severity(), row.outcome(), row.reason(), row.failedOperation(),
                row.resourceArn(), row.resourceType(), row.resourceName(), row.accountId(), row.region(), row.classification(),
                row.message(), parse(row.evidence()), row.firstRunId(), row.lastRunId(), row.failingSince());
    }

    /** How many finding states the history holds, all runs together. */
    public long findingStates() {
        return call(() -> jdbi.withExtension(HistoryDao.class, HistoryDao::findingStates));
    }

    /** Counts per severity and outcome for one run. */
    public List<OutcomeCount> outcomeCounts(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.outcomeCounts(runId)));
    }

    /** The resources of a stored run with their attributes as they stood in it (atrest keys reads its keys and stores here). */
    public List<StoredResource> resourcesAt(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.resourcesAt(runId)).stream()
                .map(r -> new StoredResource(r.arn(), r.resourceType(), r.accountId(), r.region(), r.name(), parse(r.attributes())))
                .toList());
    }

    /** Every account, OU path, classification and check the history holds: what filters may name. */
    public KnownValues knownValues() {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> new KnownValues(dao.knownAccounts(), dao.knownOuPaths(),
                dao.knownClassifications(), dao.knownChecks())));
    }

    public int accountsStored(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.accountsStored(runId)));
    }

    /** Score and coverage per stored run since {@code since}, for a scope. */
    public List<TrendPoint> trend(TrendScope scope, Instant since, Weights weights) {
        String prefix = scope.ouPath() == null ? null : scope.ouPath() + "/%";
        int filters = (scope.accountId() == null ? 0 : 1) + (scope.ouPath() == null ? 0 : 1) + (scope.classification() == null ? 0 : 1);
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> {
            if (filters == 0) {
                return dao.organizationTrend(since, weights);
            } else if (filters > 1) {
                return dao.trend(scope, prefix, since, weights);
            } else if (scope.accountId() != null) {
                return dao.accountTrend(scope.accountId(), since, weights);
            } else if (scope.ouPath() != null) {
                return dao.ouTrend(scope.ouPath(), prefix, since, weights);
            }
            return dao.classificationTrend(scope.classification(), since, weights);
        }));
    }

    /** Score and coverage of each OU path in a run (accounts directly in it; roll up by prefix for subtrees). */
    public List<ScopeScore> ouScores(long runId, Weights weights) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.ouScores(runId, weights)));
    }

    /** Score and coverage of each account in a run, worst first. */
    public List<ScopeScore> accountScores(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.accountScores(runId)));
    }

    public List<CheckFailures> topFailingChecks(long runId, int limit) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.topFailingChecks(runId, limit)));
    }

    public List<KeysAtRisk> keysAtRisk(Instant since) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.keysAtRisk(since)));
    }

    /** Mean time to remediate, per severity, for fixes since {@code since}. */
    public List<RemediationTime> remediationTimes(Instant since) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.remediationTimes(since)));
    }

    public List<ResolvedFinding> resolvedSince(Instant since) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.resolvedSince(since)));
    }

    /** The newest run started by {@code trigger} (SCAN, SCHEDULE, ...), whatever its status. */
    public Optional<ScanRun> lastRunOf(String trigger) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.lastRunOf(trigger)));
    }

    /** When the oldest complete or partial run began: what failed then was already failing, not new. */
    public Optional<Instant> firstStoredRunStart() {
        return call(() -> jdbi.withExtension(HistoryDao.class, HistoryDao::firstStoredRunStart));
    }

    /** Failing resources per account and severity in a run. */
    public List<SeverityCount> failuresBySeverity(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.failuresBySeverity(runId)));
    }

    /** Findings that began failing (new or regressed) per day since {@code since}. */
    public List<DailyCount> newFailuresByDay(Instant since) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.newFailuresByDay(since)));
    }

    /** Failing findings fixed (or whose resource went away) per day since {@code since}. */
    public List<DailyCount> remediatedByDay(Instant since) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.remediatedByDay(since)));
    }

    /** Per stored run and classification level: stores passing the given key-tier checks out of those evaluated. */
    public List<LevelProtection> levelProtection(Instant since, List<String> keyTierChecks) {
        if (keyTierChecks.isEmpty()) {
            return List.of();
        }
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.levelProtection(since, keyTierChecks)));
    }

    /** Each account's part of a run: status, regions, collection errors, score and coverage. */
    public List<AccountCoverage> accountCoverage(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.accountCoverage(runId)));
    }

    /** Why findings of a run could not be evaluated, per account, check, reason and failed call. */
    public List<NotEvaluatedReason> notEvaluatedReasons(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.notEvaluatedReasons(runId)));
    }

    /** The failing findings of one account in run {@code runId}. */
    public List<StoredFinding> failingFindings(long runId, String accountId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.failingFindingsOfAccount(runId, accountId)).stream()
                .map(HistoryStore::stored)
                .toList());
    }

    /** The failing findings of the given checks on resources of one type in run {@code runId}. */
    public List<StoredFinding> failingFindings(long runId, String resourceType, List<String> checkIds) {
        if (checkIds.isEmpty()) {
            return List.of();
        }
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> {
            List<HistoryDao.FindingRow> rows;
            if (dao.runsAfter(runId) == 0) {
                Set<String> checks = new HashSet<>(checkIds);
                rows = currentFailures(dao, inBatches(dao.resourcesOfType(resourceType), dao::openStatesOf),
                        state -> checks.contains(state.checkId()));
            } else {
                // One check at a time: with an equality H2 seeks (resource, check) in finding_key; with an IN list it
                // reads every finding of every resource of the type.
                rows = checkIds.stream().flatMap(check -> dao.failingFindingsOfCheck(runId, resourceType, check).stream()).toList();
            }
            return rows.stream()
                    .sorted(java.util.Comparator.comparing(HistoryDao.FindingRow::resourceArn).thenComparing(HistoryDao.FindingRow::checkId))
                    .map(HistoryStore::stored)
                    .toList();
        }));
    }

    /**
     * The failing findings, as they stand now, among these resources' open states: when the run
     * asked for is the newest, its states are the current ones, and the open states name the
     * failing rows, which are then read by id (instead of every state the resources ever had).
     */
    private static List<HistoryDao.FindingRow> currentFailures(HistoryDao dao, List<HistoryDao.OpenStatesRow> openStates,
                                                               java.util.function.Predicate<OpenState> wanted) {
        List<Long> failing = new ArrayList<>();
        for (HistoryDao.OpenStatesRow row : openStates) {
            for (OpenState state : OpenState.decode(row.resourceId(), row.states())) {
                if ("FAIL".equals(state.outcome()) && wanted.test(state)) {
                    failing.add(state.findingId());
                }
            }
        }
        return inBatches(failing, dao::findingsById);
    }

    /**
     * Deletes runs that started before {@code cutoff}, keeping every interval that spans the cut
     * (it now starts at the first kept run). The newest run is always kept.
     *
     * @return the number of runs deleted
     */
    public int prune(Instant cutoff) {
        if (!database.acquireWriterLock(Duration.ofSeconds(5))) {
            throw new HistoryException("a scan is writing to this database; prune when it ends");
        }
        try {
            return pruneLocked(cutoff);
        } finally {
            database.releaseWriterLock();
        }
    }

    private int pruneLocked(Instant cutoff) {
        return call(() -> jdbi.inTransaction(handle -> {
            HistoryDao dao = handle.attach(HistoryDao.class);
            Long keep = dao.firstRunFrom(cutoff).orElse(null);
            if (keep == null) {
                keep = dao.recentRuns(1).stream().map(ScanRun::id).findFirst().orElse(null);
            }
            if (keep == null) {
                return 0;
            }
            dao.pruneFindings(keep);
            dao.clampFindings(keep);
            dao.pruneResourceStates(keep);
            dao.clampResourceStates(keep);
            dao.pruneAccountStates(keep);
            dao.clampAccountStates(keep);
            dao.pruneRemediations(keep);
            dao.pruneResources(keep);
            dao.clampResources(keep);
            dao.clampAccounts(keep);
            for (String table : Retention.PER_RUN) {
                dao.prunePerRun(table, keep);
            }
            database.wrote();
            return dao.pruneRuns(keep);
        }));
    }

    /** The runs that several scheduler nodes share, account by account ({@code atrest schedule --cluster}). */
    public ClusterRuns clusterRuns() {
        return new ClusterRuns(jdbi, database);
    }

    /**
     * The organization as the newest COMPLETE or PARTIAL run saw it: its id and its accounts, with
     * their names, OU paths and tags as then (their parent ids are not kept). What a scan falls
     * back to when the organization cannot be read.
     */
    public Optional<StoredOrganization> lastStoredOrganization() {
        Optional<ScanRun> run = recentStoredRuns(1).stream().findFirst();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<Account> accounts = call(() -> jdbi.withExtension(KnownAccountDao.class, dao -> dao.accountsOf(run.get().id()))).stream()
                .map(r -> new Account(r.accountId(), r.name(), r.email(), "ACTIVE", ouNames(r.ouPath()), parse(r.tags())))
                .toList();
        return accounts.isEmpty() ? Optional.empty() : Optional.of(new StoredOrganization(run.get(), accounts));
    }

    /** "Root/Prod/Payments" as the OU names under the root. */
    private static List<String> ouNames(String ouPath) {
        if (ouPath == null || ouPath.isEmpty() || ouPath.equals("Root")) {
            return List.of();
        }
        String under = ouPath.startsWith("Root/") ? ouPath.substring(5) : ouPath;
        return List.of(under.split("/"));
    }

    /** The calls each run could not make. */
    public RunErrors runErrors() {
        return new RunErrors(jdbi, database);
    }

    /** The JDBC URL this store was opened with. */
    public String url() {
        return database.url();
    }

    @Override
    public void close() {
        database.releaseWriterLock();
        database.close();
    }

    // ------------------------------------------------------------------ helpers

    private static List<HistoryDao.Aggregate> aggregate(long runId, Account account, List<Finding> findings) {
        // By check, then a short list of (severity, classification) cells: a check's findings share a few. Cheaper
        // than a map keyed by a record of all three, whose hashCode a just-started JVM runs slowly, a million times.
        final class Cell {
            final Severity severity;
            final String classification;
            final int[] counts = new int[Outcome.values().length];

            Cell(Severity severity, String classification) {
                this.severity = severity;
                this.classification = classification;
            }
        }
        Map<String, List<Cell>> byCheck = new LinkedHashMap<>();
        for (Finding f : findings) {
            List<Cell> cells = byCheck.computeIfAbsent(f.checkId(), k -> new ArrayList<>(2));
            String classification = f.classification() == null ? "" : f.classification();
            Cell cell = null;
            for (Cell c : cells) {
                if (c.severity == f.severity() && c.classification.equals(classification)) {
                    cell = c;
                    break;
                }
            }
            if (cell == null) {
                cell = new Cell(f.severity(), classification);
                cells.add(cell);
            }
            cell.counts[f.outcome().ordinal()]++;
        }
        List<HistoryDao.Aggregate> rows = new ArrayList<>();
        byCheck.forEach((checkId, cells) -> cells.forEach(c -> rows.add(new HistoryDao.Aggregate(runId, account.id(),
                account.ouPathText(), checkId, c.severity.name(), c.classification, c.counts[0], c.counts[1], c.counts[2], c.counts[3]))));
        return rows;
    }

    /** The run's fixes per severity, with the seconds they had been failing: the report's weekly and mean figures. */
    private static List<HistoryDao.RemediatedCount> remediated(long runId, String accountId, List<HistoryDao.Remediation> fixes) {
        Map<String, long[]> bySeverity = new TreeMap<>();
        for (HistoryDao.Remediation fix : fixes) {
            long[] c = bySeverity.computeIfAbsent(fix.severity(), k -> new long[2]);
            c[0]++;
            c[1] += fix.secondsOpen();
        }
        List<HistoryDao.RemediatedCount> rows = new ArrayList<>();
        bySeverity.forEach((severity, c) -> rows.add(new HistoryDao.RemediatedCount(runId, accountId, severity, (int) c[0], c[1])));
        return rows;
    }

    /** NOT_EVALUATED findings per check, reason and failed call: the report's coverage appendix. */
    private static List<HistoryDao.NotEvaluatedCount> notEvaluated(long runId, Account account, List<Finding> findings) {
        record Cell(String checkId, String reason, String failedOperation) {}
        Map<Cell, Integer> counts = new HashMap<>();
        for (Finding f : findings) {
            if (f.outcome() == Outcome.NOT_EVALUATED) {
                counts.merge(new Cell(f.checkId(), f.reason() == null ? null : f.reason().name(), f.failedOperation()), 1, Integer::sum);
            }
        }
        List<HistoryDao.NotEvaluatedCount> rows = new ArrayList<>();
        counts.forEach((k, n) -> rows.add(new HistoryDao.NotEvaluatedCount(runId, account.id(), k.checkId(), k.reason(),
                truncate(k.failedOperation(), 128), n)));
        return rows;
    }

    /** The aggregates without the check: what score and coverage trends read (run_rollup). */
    private static List<HistoryDao.Aggregate> rollup(List<HistoryDao.Aggregate> aggregates) {
        record Cell(String severity, String classification) {}
        Map<Cell, int[]> counts = new HashMap<>();
        for (HistoryDao.Aggregate a : aggregates) {
            int[] c = counts.computeIfAbsent(new Cell(a.severity(), a.classification()), k -> new int[4]);
            c[0] += a.passed();
            c[1] += a.failed();
            c[2] += a.notApplicable();
            c[3] += a.notEvaluated();
        }
        HistoryDao.Aggregate any = aggregates.get(0);
        List<HistoryDao.Aggregate> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new HistoryDao.Aggregate(any.runId(), any.accountId(), any.ouPath(), null, k.severity(),
                k.classification(), c[0], c[1], c[2], c[3])));
        return rows;
    }

    private static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", json);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static <T> T call(java.util.concurrent.Callable<T> work) {
        try {
            return work.call();
        } catch (JdbiException e) {
            Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
            throw new HistoryException("database error: " + firstLine(String.valueOf(cause.getMessage())), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HistoryException("database error: " + e.getMessage(), e);
        }
    }
}
