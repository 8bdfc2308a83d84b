package io.atrest.sql.ingest;

import io.atrest.sql.OpenState;
import io.atrest.sql.OpenStateDao;
import io.atrest.sql.Sql;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ingest's second phase: the open finding states of the changed and gone resources, by
 * resource and check.
 *
 * @param withRow the resources that have an open-states row (to update rather than insert)
 */
record LoadedStates(Map<FindingKey, OpenState> open, Set<Long> withRow) {

    /** A finding of a resource: one check on it. */
    record FindingKey(long resourceId, String checkId) {}

    static LoadedStates load(OpenStateDao dao, List<Long> resourceIds) {
        Map<FindingKey, OpenState> open = new HashMap<>();
        Set<Long> withRow = new HashSet<>();
        for (OpenStateDao.Row row : Sql.inBatches(resourceIds, dao::openStatesOf)) {
            withRow.add(row.resourceId());
            for (OpenState state : row.decoded()) {
                open.put(new FindingKey(state.resourceId(), state.checkId()), state);
            }
        }
        return new LoadedStates(Collections.unmodifiableMap(open), Collections.unmodifiableSet(withRow));
    }
}
