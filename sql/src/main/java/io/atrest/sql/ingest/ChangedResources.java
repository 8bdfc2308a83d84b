package io.atrest.sql.ingest;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.ResourceRef;
import io.atrest.scanner.stores.ListingGaps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ingest's first phase: which of an account's resources changed since the account's last run.
 * Each resource's findings get a quick digest; an unchanged quick digest means nothing to
 * compare, so a night where 1% of findings change reads and writes about 1% of them. A resource
 * seen for the first time gets its row (and id) here.
 *
 * @param stored the account's resource rows as they were before this run, by ARN
 * @param changed the resources whose findings must be compared, in the order findings named them
 * @param reopened resources that had gone and are back
 * @param digestOnly resources whose states are the same but had no quick digest yet (the first night after V8), with it
 * @param gone live resources no longer reported, outside every listing gap
 */
record ChangedResources(Map<String, ResourceDao.Row> stored, List<Changed> changed, List<Long> reopened,
                        Map<Long, Long> digestOnly, List<Long> gone) {

    /** One changed resource: its id, its findings this run, and their quick digests (each, and summed). */
    record Changed(long id, String arn, List<Finding> findings, long[] quicks, long quick) {}

    static ChangedResources find(ResourceDao dao, long runId, String accountId, List<Finding> findings, Set<String> listingGaps,
                                 Long previousRun) {
        Map<String, ResourceDao.Row> stored = new HashMap<>();
        dao.resources(accountId).forEach(r -> stored.put(r.arn(), r));
        Map<String, List<Finding>> byResource = new LinkedHashMap<>();
        Map<String, ResourceRef> refs = new HashMap<>();
        for (Finding f : findings) {
            byResource.computeIfAbsent(f.resource().arn(), k -> new ArrayList<>()).add(f);
            refs.putIfAbsent(f.resource().arn(), f.resource());
        }
        List<Changed> changed = new ArrayList<>();
        List<Long> reopened = new ArrayList<>();
        Map<Long, Long> digestOnly = new LinkedHashMap<>();
        for (Map.Entry<String, List<Finding>> entry : byResource.entrySet()) {
            String arn = entry.getKey();
            List<Finding> resourceFindings = entry.getValue();
            ResourceDao.Row row = stored.get(arn);
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
                    digestOnly.put(id, quick);
                    continue;
                }
            }
            changed.add(new Changed(id, arn, resourceFindings, quicks, quick));
        }
        List<Long> gone = new ArrayList<>();
        if (previousRun != null) {
            for (ResourceDao.Row r : stored.values()) {
                if (r.lastRunId() == null && !byResource.containsKey(r.arn())
                        && !ListingGaps.covers(listingGaps, r.resourceType(), r.region())) {
                    gone.add(r.id());
                }
            }
        }
        return new ChangedResources(stored, changed, reopened, digestOnly, gone);
    }

    /** The ids of changed resources by ARN: the rows their attributes are kept under. */
    Map<String, Long> ids() {
        Map<String, Long> ids = new HashMap<>();
        changed.forEach(c -> ids.put(c.arn(), c.id()));
        return ids;
    }

    /** Resources whose open states must be read: the changed ones and the gone ones. */
    List<Long> toLoad() {
        List<Long> ids = new ArrayList<>(changed.size() + gone.size());
        changed.forEach(c -> ids.add(c.id()));
        ids.addAll(gone);
        return ids;
    }

    /** A resource's state digest: its findings' SHA-256 state hashes, each tied to its check, summed. */
    private static long stateDigest(List<Finding> resourceFindings) {
        long digest = 0;
        for (Finding f : resourceFindings) {
            digest += StateHash.mix(StateHash.of(f) ^ StateHash.of(f.checkId()));
        }
        return digest;
    }
}
