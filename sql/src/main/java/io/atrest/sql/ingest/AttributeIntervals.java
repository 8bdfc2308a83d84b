package io.atrest.sql.ingest;

import io.atrest.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource attributes kept as intervals: a new interval for each resource whose attributes
 * changed, and the open ones of gone resources closed.
 */
final class AttributeIntervals {
    private AttributeIntervals() {}

    static void store(ResourceDao dao, long runId, Long previousRun, Map<String, Map<String, String>> attributes,
                      ChangedResources resources) {
        Map<String, Long> changedIds = resources.ids();
        List<Long> close = new ArrayList<>(resources.gone());
        List<Long> insertIds = new ArrayList<>();
        List<String> insertJson = new ArrayList<>();
        List<Long> hashes = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : attributes.entrySet()) {
            ResourceDao.Row row = resources.stored().get(entry.getKey());
            Long id = row != null ? Long.valueOf(row.id()) : changedIds.get(entry.getKey());
            if (id == null) {
                continue; // a resource with no finding has no row
            }
            String json = Sql.json(new TreeMap<>(entry.getValue()));
            long hash = StateHash.of(json);
            if (row != null && row.attributesHash() != null && row.attributesHash() == hash && row.lastRunId() == null) {
                continue;
            }
            if (row != null && row.attributesHash() != null) {
                close.add(id);
            }
            insertIds.add(id);
            insertJson.add(json);
            hashes.add(hash);
        }
        if (!close.isEmpty()) {
            dao.closeAttributes(previousRun == null ? runId : previousRun, close);
        }
        if (!insertIds.isEmpty()) {
            dao.insertAttributes(insertIds, insertJson, runId);
            dao.setAttributeHashes(insertIds, hashes);
        }
    }
}
