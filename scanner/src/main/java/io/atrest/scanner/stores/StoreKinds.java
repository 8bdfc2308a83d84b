package io.atrest.scanner.stores;

import io.atrest.scanner.aws.ReadOperation;
import io.atrest.scanner.check.Check;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.stores.backup.BackupKind;
import io.atrest.scanner.stores.dax.DaxKind;
import io.atrest.scanner.stores.docdb.DocumentDbKind;
import io.atrest.scanner.stores.ecr.EcrKind;
import io.atrest.scanner.stores.elasticache.ElastiCacheKind;
import io.atrest.scanner.stores.firehose.FirehoseKind;
import io.atrest.scanner.stores.fsx.FsxKind;
import io.atrest.scanner.stores.glacier.GlacierKind;
import io.atrest.scanner.stores.kinesis.KinesisKind;
import io.atrest.scanner.stores.logs.LogsKind;
import io.atrest.scanner.stores.memorydb.MemoryDbKind;
import io.atrest.scanner.stores.msk.MskKind;
import io.atrest.scanner.stores.neptune.NeptuneKind;
import io.atrest.scanner.stores.opensearch.OpenSearchKind;
import io.atrest.scanner.stores.redshift.RedshiftKind;
import io.atrest.scanner.stores.secretsmanager.SecretsManagerKind;
import io.atrest.scanner.stores.sns.SnsKind;
import io.atrest.scanner.stores.sqs.SqsKind;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of store declared by a {@link StoreKind}: one line each. The six kinds atrest began
 * with (S3, EBS, RDS, DynamoDB, EFS and KMS keys) keep their typed inventory lists and
 * collectors; their listings are declared in {@link StoreListings}.
 */
public final class StoreKinds {
    public static final List<StoreKind<?>> ALL = List.of(
            RedshiftKind.KIND,
            ElastiCacheKind.KIND,
            MemoryDbKind.KIND,
            OpenSearchKind.KIND,
            DocumentDbKind.KIND,
            NeptuneKind.KIND,
            DaxKind.KIND,
            BackupKind.KIND,
            SecretsManagerKind.KIND,
            SqsKind.KIND,
            SnsKind.KIND,
            KinesisKind.KIND,
            FirehoseKind.KIND,
            LogsKind.KIND,
            EcrKind.KIND,
            FsxKind.KIND,
            GlacierKind.KIND,
            MskKind.KIND);

    private StoreKinds() {}

    /** The kind of a store of a declared kind, if it is one. */
    public static Optional<StoreKind<?>> of(DataStore store) {
        for (StoreKind<?> kind : ALL) {
            if (kind.record().isInstance(store)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind whose type is named so, if a declared kind's. */
    public static Optional<StoreKind<?>> named(String type) {
        return ALL.stream().filter(k -> k.type().name().equals(type)).findFirst();
    }

    /** Every call the declared kinds make, in declaration order. */
    public static List<ReadOperation> calls() {
        return ALL.stream().flatMap(k -> k.calls().stream()).distinct().toList();
    }

    /** Every check of the declared kinds, new instances, kind by kind. */
    public static List<Check> checks() {
        return ALL.stream().flatMap(k -> k.newChecks().stream()).toList();
    }
}
