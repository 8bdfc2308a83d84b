package io.atrest.sql.ingest;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.sql.OpenState;
import io.atrest.sql.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest's third phase, a pure function of the first two: which finding states close, which
 * open, which failing streaks end (fixes), and each changed resource's open states and digests
 * after this run. Of a changed resource, findings whose quick digest matches their open state
 * are kept as they are; SHA-256 state hashes (what stored states are compared by and recorded
 * with) are computed only for the others.
 *
 * @param close ids of the finding states this run ends
 * @param inserts the finding states this run opens, in order
 * @param kept each changed resource's open states that stay as they are
 * @param insertedAt each changed resource's new states, as indexes into {@code inserts}
 * @param ended failing streaks that ended: fixed, or their finding or resource gone
 * @param newFailures failing streaks that began (new or regressed findings)
 * @param digests each changed or gone resource's state digest and quick digest after this run (gone: zero)
 */
record StateChanges(List<Long> close, List<FindingStateDao.NewState> inserts, Map<Long, List<OpenState>> kept,
                    Map<Long, List<Integer>> insertedAt, List<OpenState> ended, int newFailures, Map<Long, long[]> digests) {

    static StateChanges of(ChangedResources resources, LoadedStates states, long runId, Instant runStarted, String accountId) {
        Map<LoadedStates.FindingKey, OpenState> open = new HashMap<>(states.open());
        Builder b = new Builder();
        resources.gone().forEach(g -> b.digests.put(g, new long[] {0L, 0L}));
        for (ChangedResources.Changed resource : resources.changed()) {
            List<OpenState> kept = b.kept.computeIfAbsent(resource.id(), k -> new ArrayList<>());
            long digest = 0;
            for (int i = 0; i < resource.quicks().length; i++) {
                Finding finding = resource.findings().get(i);
                OpenState before = open.remove(new LoadedStates.FindingKey(resource.id(), finding.checkId()));
                long quick = resource.quicks()[i];
                if (before != null && before.sameQuick(quick)) {
                    kept.add(before);
                    digest += StateHash.mix(before.stateHash() ^ StateHash.of(finding.checkId()));
                    continue;
                }
                long hash = StateHash.of(finding);
                digest += StateHash.mix(hash ^ StateHash.of(finding.checkId()));
                if (before != null && before.stateHash() == hash) {
                    kept.add(before.withQuick(quick)); // a state stored without its quick digest gains it
                    continue;
                }
                b.change(resource.id(), before, finding, hash, quick, runId, runStarted, accountId);
            }
            b.digests.put(resource.id(), new long[] {digest, resource.quick()});
        }
        // Findings no longer reported on a changed or gone resource are closed; a gone failing one counts as fixed.
        for (OpenState stale : open.values()) {
            b.close.add(stale.findingId());
            if (stale.failingSince() != null) {
                b.ended.add(stale);
            }
        }
        return new StateChanges(b.close, b.inserts, b.kept, b.insertedAt, b.ended, b.newFailures, b.digests);
    }

    /** The lists {@link #of} fills as it walks the changed resources. */
    private static final class Builder {
        final List<Long> close = new ArrayList<>();
        final List<FindingStateDao.NewState> inserts = new ArrayList<>();
        final Map<Long, List<OpenState>> kept = new LinkedHashMap<>();
        final Map<Long, List<Integer>> insertedAt = new HashMap<>();
        final List<OpenState> ended = new ArrayList<>();
        final Map<Long, long[]> digests = new LinkedHashMap<>();
        int newFailures;

        /** A finding whose state differs from its open one (or that has none): the old state closes, a new one opens. */
        void change(long resourceId, OpenState before, Finding finding, long hash, long quick, long runId, Instant runStarted,
                    String accountId) {
            if (before != null) {
                close.add(before.findingId());
            }
            boolean failingNow = finding.outcome() == Outcome.FAIL;
            boolean unknownNow = finding.outcome() == Outcome.NOT_EVALUATED;
            // An accepted failure still fails: its streak goes on (an exemption is no fix), and one accepted from the start
            // has failed since it was first seen, so an exemption that expires shows the failure's true age.
            boolean acceptedNow = finding.outcome() == Outcome.SUPPRESSED;
            Instant failingSince = null;
            if (failingNow || unknownNow || acceptedNow) {
                failingSince = before != null && before.failingSince() != null ? before.failingSince()
                        : failingNow || acceptedNow ? runStarted : null;
            }
            if (failingNow && (before == null || before.failingSince() == null)) {
                newFailures++; // a failing streak begins: a new or regressed finding
            }
            // A failing streak ends: fixed, even when the night before could not tell (NOT_EVALUATED keeps the streak).
            if (before != null && before.failingSince() != null && !failingNow && !unknownNow && !acceptedNow) {
                ended.add(before); // counted with the severity and classification it failed with
            }
            insertedAt.computeIfAbsent(resourceId, k -> new ArrayList<>()).add(inserts.size());
            inserts.add(new FindingStateDao.NewState(resourceId, accountId, finding.checkId(), finding.severity().name(),
                    finding.outcome().name(), finding.reason() == null ? null : finding.reason().name(),
                    finding.failedOperation(), finding.classification(), Sql.truncate(finding.message(), 4000),
                    Sql.truncate(Sql.json(finding.evidence()), 65535), hash, failingSince, runId, quick));
        }
    }
}
