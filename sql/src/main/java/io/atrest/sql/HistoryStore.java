package io.atrest.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.ResourceRef;
import io.atrest.scanner.check.Score;
import io.atrest.scanner.inventory.Account;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The history of scans: runs, accounts, resources, and findings stored as state intervals.
 * Each account's findings are written in one transaction, so a run that dies leaves whole
 * accounts or nothing.
 */
public final class HistoryStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final Database database;
    private final Jdbi jdbi;

    private HistoryStore(Database database) {
        this.database = database;
        this.jdbi = Jdbi.create(database.dataSource()).installPlugin(new SqlObjectPlugin());
    }

    /** Opens (creating where needed) and migrates the database at {@code jdbcUrl}. */
    public static HistoryStore open(String jdbcUrl) {
        Database database = Database.connect(jdbcUrl);
        try {
            migrate(database.dataSource(), jdbcUrl);
            return new HistoryStore(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static void migrate(DataSource dataSource, String jdbcUrl) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("not resolved locally") || message.contains("newer than")) {
                throw new HistoryException("database " + Database.redact(jdbcUrl)
                        + " has a newer schema than this atrest knows: upgrade atrest", e);
            }
            throw new HistoryException("cannot migrate database " + Database.redact(jdbcUrl) + ": "
                    + firstLine(message), e);
        }
    }

    public long startRun(RunStart start) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.insertRun(start)));
    }

    /**
     * Stores one account's part of a run, all or nothing: the account, its resources, its
     * findings (extending unchanged states, opening new ones) and its aggregates.
     */
    public void recordAccount(long runId, AccountResult result, List<Finding> findings, Score score) {
        Account account = result.account();
        call(() -> {
            jdbi.useTransaction(handle -> {
                HistoryDao dao = handle.attach(HistoryDao.class);
                Optional<Long> previousRun = dao.accountLastRun(account.id());
                String tags = json(new TreeMap<>(account.tags()));
                if (previousRun.isPresent()) {
                    dao.updateAccount(account.id(), account.name(), account.email(), account.ouPathText(), tags, runId);
                } else {
                    dao.insertAccount(account.id(), account.name(), account.email(), account.ouPathText(), tags, runId);
                }
                dao.insertRunAccount(runId, account.id(), result.status(), String.join(",", result.regions()),
                        result.collectionErrors(), score.score(), score.coverage(), truncate(result.message(), 4000));

                Map<String, Long> resourceIds = new HashMap<>();
                dao.resourceIds(account.id()).forEach(r -> resourceIds.put(r.arn(), r.id()));
                Map<String, ResourceRef> seen = new LinkedHashMap<>();
                findings.forEach(f -> seen.putIfAbsent(f.resource().arn(), f.resource()));
                List<Long> touched = new ArrayList<>();
                List<String> regions = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (ResourceRef ref : seen.values()) {
                    Long id = resourceIds.get(ref.arn());
                    if (id == null) {
                        resourceIds.put(ref.arn(), dao.insertResource(ref.arn(), ref.type().name(), account.id(),
                                ref.region(), ref.name(), runId));
                    } else {
                        touched.add(id);
                        regions.add(ref.region());
                        names.add(ref.name());
                    }
                }
                if (!touched.isEmpty()) {
                    dao.touchResources(runId, touched, regions, names);
                }

                Map<String, HistoryDao.CurrentFinding> current = new HashMap<>();
                dao.currentFindings(account.id()).forEach(c -> current.put(c.resourceId() + "\u0000" + c.checkId(), c));
                List<Long> extend = new ArrayList<>();
                List<Long> retire = new ArrayList<>();
                List<HistoryDao.NewFinding> inserts = new ArrayList<>();
                for (Finding finding : findings) {
                    long resourceId = resourceIds.get(finding.resource().arn());
                    String evidence = truncate(json(finding.evidence()), 65535);
                    String hash = stateHash(finding, evidence);
                    HistoryDao.CurrentFinding before = current.get(resourceId + "\u0000" + finding.checkId());
                    boolean continues = before != null && before.stateHash().equals(hash)
                            && previousRun.isPresent() && before.lastRunId() == previousRun.get();
                    if (continues) {
                        extend.add(before.id());
                        continue;
                    }
                    if (before != null) {
                        retire.add(before.id());
                    }
                    inserts.add(new HistoryDao.NewFinding(resourceId, account.id(), finding.checkId(),
                            finding.severity().name(), finding.outcome().name(),
                            finding.reason() == null ? null : finding.reason().name(), finding.failedOperation(),
                            finding.classification(), truncate(finding.message(), 4000), evidence, hash, runId));
                }
                if (!extend.isEmpty()) {
                    dao.extendFindings(runId, extend);
                }
                if (!retire.isEmpty()) {
                    dao.retireFindings(retire);
                }
                if (!inserts.isEmpty()) {
                    dao.insertFindings(inserts);
                }
                List<HistoryDao.Aggregate> aggregates = aggregate(runId, account.id(), findings);
                if (!aggregates.isEmpty()) {
                    dao.insertAggregates(aggregates);
                }
            });
            return null;
        });
    }

    /** Closes a RUNNING run; a run already closed is left as it is. */
    public void finishRun(long runId, RunStatus status, Instant finishedAt, RunTotals totals) {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run is closed with a final status");
        }
        call(() -> jdbi.withExtension(HistoryDao.class,
                dao -> dao.closeRun(runId, status.name(), finishedAt, totals)));
    }

    public Optional<ScanRun> run(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.run(runId)));
    }

    public List<ScanRun> recentRuns(int limit) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.recentRuns(limit)));
    }

    /** The findings as they stood in run {@code runId}, for the accounts that run stored. */
    public List<StoredFinding> findings(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.findings(runId)).stream()
                .map(row -> new StoredFinding(row.checkId(), row.severity(), row.outcome(), row.reason(),
                        row.failedOperation(), row.resourceArn(), row.resourceType(), row.resourceName(),
                        row.accountId(), row.region(), row.classification(), row.message(), parse(row.evidence()),
                        row.firstRunId(), row.lastRunId()))
                .toList());
    }

    /** Counts per severity and outcome for one run. */
    public List<OutcomeCount> outcomeCounts(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.outcomeCounts(runId)));
    }

    public int accountsStored(long runId) {
        return call(() -> jdbi.withExtension(HistoryDao.class, dao -> dao.accountsStored(runId)));
    }

    @Override
    public void close() {
        database.close();
    }

    private static List<HistoryDao.Aggregate> aggregate(long runId, String accountId, List<Finding> findings) {
        Map<List<String>, int[]> counts = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (Finding f : findings) {
            int[] c = counts.computeIfAbsent(List.of(f.checkId(), f.severity().name(),
                    f.classification() == null ? "" : f.classification()), k -> new int[4]);
            c[f.outcome().ordinal()]++;
        }
        List<HistoryDao.Aggregate> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new HistoryDao.Aggregate(runId, accountId, k.get(0), k.get(1), k.get(2),
                c[0], c[1], c[2], c[3])));
        return rows;
    }

    private static String stateHash(Finding f, String evidence) {
        String state = String.join("\u0000", f.severity().name(), f.outcome().name(), String.valueOf(f.reason()),
                String.valueOf(f.failedOperation()), String.valueOf(f.classification()), String.valueOf(f.message()),
                evidence);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    private <T> T call(java.util.concurrent.Callable<T> work) {
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
