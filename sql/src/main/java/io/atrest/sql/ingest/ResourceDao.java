package io.atrest.sql.ingest;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Resource rows as ingest reads and writes them: their life, their digests, their attribute intervals. */
interface ResourceDao {

    /** A resource as ingest compares it: whether it is live, and the digests of its findings and attributes. */
    record Row(long id, String arn, String resourceType, String region, Long lastRunId, Long stateDigest,
               Long quickDigest, Long attributesHash) {}

    @SqlQuery("SELECT id, arn, resource_type, region, last_run_id, state_digest, quick_digest, attributes_hash FROM resource WHERE account_id = :account")
    @RegisterConstructorMapper(Row.class)
    List<Row> resources(@Bind("account") String accountId);

    @SqlUpdate("""
            INSERT INTO resource (arn, resource_type, account_id, region, name, first_run_id)
            VALUES (:arn, :type, :account, :region, :name, :run)""")
    @GetGeneratedKeys("id")
    long insertResource(@Bind("arn") String arn, @Bind("type") String type, @Bind("account") String account,
                        @Bind("region") String region, @Bind("name") String name, @Bind("run") long run);

    @SqlBatch("UPDATE resource SET last_run_id = NULL WHERE id = :id")
    void reopenResources(@Bind("id") List<Long> ids);

    @SqlBatch("UPDATE resource SET last_run_id = :last WHERE id = :id")
    void closeResources(@Bind("last") long lastRunId, @Bind("id") List<Long> ids);

    @SqlBatch("UPDATE resource SET state_digest = :digest, quick_digest = :quick WHERE id = :id")
    void setDigests(@Bind("id") List<Long> ids, @Bind("digest") List<Long> digests, @Bind("quick") List<Long> quickDigests);

    @SqlBatch("UPDATE resource SET quick_digest = :quick WHERE id = :id")
    void setQuickDigests(@Bind("id") List<Long> ids, @Bind("quick") List<Long> quickDigests);

    @SqlBatch("UPDATE resource_state SET last_run_id = :last WHERE resource_id = :id AND last_run_id IS NULL")
    void closeAttributes(@Bind("last") long lastRunId, @Bind("id") List<Long> resourceIds);

    @SqlBatch("INSERT INTO resource_state (resource_id, attributes, first_run_id) VALUES (:id, :attributes, :run)")
    void insertAttributes(@Bind("id") List<Long> resourceIds, @Bind("attributes") List<String> attributes, @Bind("run") long runId);

    @SqlBatch("UPDATE resource SET attributes_hash = :hash WHERE id = :id")
    void setAttributeHashes(@Bind("id") List<Long> ids, @Bind("hash") List<Long> hashes);
}
