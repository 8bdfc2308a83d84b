package io.atrest.sql;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Each live resource's current finding states, one row per resource ({@link OpenState}, V5):
 * ingest rewrites them, queries of the newest run read the failing ones from them.
 */
@RegisterConstructorMapper(OpenStateDao.Row.class)
public interface OpenStateDao {

    /** One resource's open states, encoded by {@link OpenState#encode}. */
    record Row(long resourceId, String states) {

        public List<OpenState> decoded() {
            return OpenState.decode(resourceId, states);
        }
    }

    @SqlQuery("SELECT resource_id, states FROM resource_open_states WHERE resource_id IN (<resources>)")
    List<Row> openStatesOf(@BindList("resources") List<Long> resourceIds);

    /** Every resource's current finding states: one short row per live resource. */
    @SqlQuery("SELECT resource_id, states FROM resource_open_states")
    List<Row> allOpenStates();

    @SqlBatch("INSERT INTO resource_open_states (resource_id, states) VALUES (:resourceId, :states)")
    void insertOpenStates(@BindMethods List<Row> rows);

    @SqlBatch("UPDATE resource_open_states SET states = :states WHERE resource_id = :resourceId")
    void updateOpenStates(@BindMethods List<Row> rows);

    @SqlBatch("DELETE FROM resource_open_states WHERE resource_id = :id")
    void deleteOpenStates(@Bind("id") List<Long> resourceIds);
}
