package io.atrest.sql.ingest;

import io.atrest.sql.OpenState;
import io.atrest.sql.OpenStateDao;
import io.atrest.sql.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Ingest's last phase: writes what the first three decided, in one account's transaction
 * (resource rows, finding states, fixes, digests, open states, the count of new failures).
 */
final class FindingWrites {
    private final Handle handle;
    private final long runId;
    private final Instant runStarted;
    private final String accountId;
    /** The run the account's states close at: its previous run, or this one for an account seen first now. */
    private final long closeAt;

    FindingWrites(Handle handle, long runId, Instant runStarted, String accountId, Long previousRun) {
        this.handle = handle;
        this.runId = runId;
        this.runStarted = runStarted;
        this.accountId = accountId;
        this.closeAt = previousRun == null ? runId : previousRun;
    }

    void write(ChangedResources resources, LoadedStates states, StateChanges changes) {
        ResourceDao resourceDao = handle.attach(ResourceDao.class);
        FindingStateDao findings = handle.attach(FindingStateDao.class);
        if (!resources.digestOnly().isEmpty()) {
            resourceDao.setQuickDigests(List.copyOf(resources.digestOnly().keySet()), List.copyOf(resources.digestOnly().values()));
        }
        if (!resources.reopened().isEmpty()) {
            resourceDao.reopenResources(resources.reopened());
        }
        if (!resources.gone().isEmpty()) {
            resourceDao.closeResources(closeAt, resources.gone());
        }
        if (!changes.close().isEmpty()) {
            findings.closeFindings(closeAt, changes.close());
        }
        long[] insertedIds = changes.inserts().isEmpty() ? new long[0] : findings.insertFindings(changes.inserts());
        if (insertedIds.length != changes.inserts().size()) {
            throw new IllegalStateException("the database returned " + insertedIds.length + " ids for "
                    + changes.inserts().size() + " new finding states");
        }
        List<FindingStateDao.Fix> fixes = fixes(findings, changes.ended());
        if (!fixes.isEmpty()) {
            findings.insertRemediations(fixes);
            handle.attach(RunCountDao.class).insertRemediated(RunCounts.remediated(runId, accountId, fixes));
        }
        if (!changes.digests().isEmpty()) {
            List<Long> ids = new ArrayList<>(changes.digests().keySet());
            List<Long> digests = new ArrayList<>(ids.size());
            List<Long> quicks = new ArrayList<>(ids.size());
            changes.digests().values().forEach(d -> {
                digests.add(d[0]);
                quicks.add(d[1]);
            });
            resourceDao.setDigests(ids, digests, quicks);
        }
        writeOpenStates(handle.attach(OpenStateDao.class), changes, insertedIds, states, resources.gone());
        if (changes.newFailures() > 0) {
            handle.attach(RunCountDao.class).insertNewFailures(runId, accountId, changes.newFailures());
        }
    }

    /** Each ended failing streak as a fix, with the severity and classification it failed with. */
    private List<FindingStateDao.Fix> fixes(FindingStateDao dao, List<OpenState> ended) {
        if (ended.isEmpty()) {
            return List.of();
        }
        Map<Long, FindingStateDao.Labels> labels = new HashMap<>();
        Sql.inBatches(ended.stream().map(OpenState::findingId).toList(), dao::labelsOf).forEach(l -> labels.put(l.id(), l));
        List<FindingStateDao.Fix> fixes = new ArrayList<>(ended.size());
        for (OpenState state : ended) {
            FindingStateDao.Labels label = labels.get(state.findingId());
            fixes.add(new FindingStateDao.Fix(accountId, state.resourceId(), state.checkId(), label.severity(), label.classification(),
                    state.failingSince(), runId, runStarted, Math.max(0, Duration.between(state.failingSince(), runStarted).toSeconds())));
        }
        return fixes;
    }

    /** Rewrites the open-state row of each changed resource and drops those of gone resources. */
    private static void writeOpenStates(OpenStateDao dao, StateChanges changes, long[] insertedIds, LoadedStates states,
                                        List<Long> gone) {
        List<OpenStateDao.Row> updates = new ArrayList<>();
        List<OpenStateDao.Row> creates = new ArrayList<>();
        changes.kept().forEach((resourceId, kept) -> {
            List<OpenState> after = new ArrayList<>(kept);
            for (int i : changes.insertedAt().getOrDefault(resourceId, List.of())) {
                FindingStateDao.NewState row = changes.inserts().get(i);
                after.add(new OpenState(insertedIds[i], resourceId, row.checkId(), row.stateHash(), row.outcome(), row.failingSince(),
                        row.quick()));
            }
            OpenStateDao.Row row = new OpenStateDao.Row(resourceId, OpenState.encode(after));
            (states.withRow().contains(resourceId) ? updates : creates).add(row);
        });
        if (!updates.isEmpty()) {
            dao.updateOpenStates(updates);
        }
        if (!creates.isEmpty()) {
            dao.insertOpenStates(creates);
        }
        List<Long> dropped = gone.stream().filter(states.withRow()::contains).toList();
        if (!dropped.isEmpty()) {
            dao.deleteOpenStates(dropped);
        }
    }
}
