package io.atrest.sql.query;

import io.atrest.sql.FindingChange;
import io.atrest.sql.Sql;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What changed between two runs a and b (a before b): findings failing in b that were not in a
 * (NEW, or REGRESSED when they had failed before), and findings failing in a that no longer
 * fail in b (RESOLVED). Accounts that b did not scan are left out.
 */
final class FindingDiff {
    private static final Comparator<Key> KEY_ORDER = Comparator.comparingLong(Key::resourceId).thenComparing(Key::checkId);

    private record Key(long resourceId, String checkId) {}

    private record Candidate(Key key, FindingChange.Kind kind, FindingDao.StateRow atA, FindingDao.StateRow atB) {}

    private final FindingDao dao;
    private final long a;
    private final long b;

    FindingDiff(FindingDao dao, long a, long b) {
        this.dao = dao;
        this.a = a;
        this.b = b;
    }

    List<FindingChange> changes() {
        List<Candidate> candidates = candidates();
        Map<Long, FindingDao.ResourceName> names = new HashMap<>();
        Sql.inBatches(candidates.stream().map(c -> c.key().resourceId()).distinct().toList(), dao::resourcesById)
                .forEach(r -> names.put(r.id(), r));
        List<FindingChange> changes = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            // Failing in b and not in a: REGRESSED when it had failed at or before a, NEW otherwise. One (resource,
            // check) seek each: reading every state of the resources read twenty times the rows.
            FindingChange.Kind kind = c.kind() == FindingChange.Kind.NEW
                    && dao.firstFailureOrAcceptance(c.key().resourceId(), c.key().checkId()).filter(first -> first <= a).isPresent()
                    ? FindingChange.Kind.REGRESSED : c.kind();
            FindingDao.StateRow row = kind == FindingChange.Kind.RESOLVED ? c.atA() : c.atB();
            changes.add(change(kind, row, names.get(c.key().resourceId()), c.atA(), c.atB()));
        }
        return changes;
    }

    /**
     * A finding that changed between a and b has a state that began in (a, b] or ended in [a, b):
     * those two index ranges hold its state at a and at b. Older states are read only to tell a regression.
     */
    private List<Candidate> candidates() {
        Set<String> scannedInB = new HashSet<>(dao.accountsOf(b));
        Map<Key, Map<Long, FindingDao.StateRow>> byKey = new TreeMap<>(KEY_ORDER);
        for (List<FindingDao.StateRow> rows : List.of(dao.statesBegunBetween(a, b), dao.statesEndedBetween(a, b))) {
            for (FindingDao.StateRow row : rows) {
                byKey.computeIfAbsent(new Key(row.resourceId(), row.checkId()), k -> new TreeMap<>()).put(row.firstRunId(), row);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        byKey.forEach((key, states) -> {
            List<FindingDao.StateRow> rows = new ArrayList<>(states.values());
            FindingDao.StateRow atA = rows.stream().filter(r -> r.covers(a)).findFirst().orElse(null);
            FindingDao.StateRow atB = rows.stream().filter(r -> r.covers(b)).findFirst().orElse(null);
            boolean failA = atA != null && "FAIL".equals(atA.outcome());
            boolean failB = atB != null && "FAIL".equals(atB.outcome());
            FindingDao.StateRow any = atB != null ? atB : atA != null ? atA : rows.get(rows.size() - 1);
            if (!scannedInB.contains(any.accountId())) {
                return;
            }
            if (failB && !failA) {
                candidates.add(new Candidate(key, FindingChange.Kind.NEW, atA, atB));
            } else if (failA && atB != null && "SUPPRESSED".equals(atB.outcome())) {
                candidates.add(new Candidate(key, FindingChange.Kind.ACCEPTED, atA, atB));
            } else if (failA && !failB && (atB == null || !"NOT_EVALUATED".equals(atB.outcome()))) {
                candidates.add(new Candidate(key, FindingChange.Kind.RESOLVED, atA, atB));
            }
        });
        return candidates;
    }

    private static FindingChange change(FindingChange.Kind kind, FindingDao.StateRow row, FindingDao.ResourceName resource,
                                        FindingDao.StateRow before, FindingDao.StateRow after) {
        return new FindingChange(kind, row.checkId(), row.severity(), resource.arn(), resource.resourceType(), row.accountId(),
                resource.region(), row.classification(), before == null ? null : before.outcome(),
                after == null ? null : after.outcome(), (after != null ? after : row).message());
    }
}
