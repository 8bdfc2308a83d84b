package io.atrest.scanner.fake;

import io.atrest.scanner.stores.redshift.FakeRedshift;
import io.atrest.scanner.stores.elasticache.FakeElastiCache;
import io.atrest.scanner.stores.memorydb.FakeMemoryDb;
import io.atrest.scanner.stores.opensearch.FakeOpenSearch;
import io.atrest.scanner.stores.dax.FakeDax;
import io.atrest.scanner.stores.backup.FakeBackup;
import io.atrest.scanner.stores.secretsmanager.FakeSecretsManager;
import io.atrest.scanner.stores.sqs.FakeSqs;
import io.atrest.scanner.stores.sns.FakeSns;
import io.atrest.scanner.stores.kinesis.FakeKinesis;
import io.atrest.scanner.stores.firehose.FakeFirehose;
import io.atrest.scanner.stores.ecr.FakeEcr;
import io.atrest.scanner.stores.fsx.FakeFsx;
import io.atrest.scanner.stores.glacier.FakeGlacier;
import io.atrest.scanner.stores.msk.FakeMsk;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.glacier.GlacierClient;
import software.amazon.awssdk.services.kafka.KafkaClient;
import java.util.Map;

/**
 * The fake clients of the declared kinds of store, by client interface: each kind's test folder
 * holds its fake, and one line here hands it out.
 */
public final class FakeStores {
    /** Makes one fake client of an account and region. */
    @FunctionalInterface
    public interface Factory {
        Object client(FakeAccount account, String region, CallLog log, int pageSize);
    }

    /** Adds one store, named so, to an account's region. */
    @FunctionalInterface
    public interface Seeder {
        void seed(FakeAccount account, String region, String name);
    }

    /** One kind's fake: its client, and how to plant a store of it. */
    private record Fake(Factory client, Seeder seed) {}

    private static final Map<Class<?>, Fake> FAKES = Map.ofEntries(
            Map.entry(RedshiftClient.class, new Fake(FakeRedshift::client, FakeRedshift::seed)),
            Map.entry(ElastiCacheClient.class, new Fake(FakeElastiCache::client, FakeElastiCache::seed)),
            Map.entry(MemoryDbClient.class, new Fake(FakeMemoryDb::client, FakeMemoryDb::seed)),
            Map.entry(OpenSearchClient.class, new Fake(FakeOpenSearch::client, FakeOpenSearch::seed)),
            Map.entry(DaxClient.class, new Fake(FakeDax::client, FakeDax::seed)),
            Map.entry(BackupClient.class, new Fake(FakeBackup::client, FakeBackup::seed)),
            Map.entry(SecretsManagerClient.class, new Fake(FakeSecretsManager::client, FakeSecretsManager::seed)),
            Map.entry(SqsClient.class, new Fake(FakeSqs::client, FakeSqs::seed)),
            Map.entry(SnsClient.class, new Fake(FakeSns::client, FakeSns::seed)),
            Map.entry(KinesisClient.class, new Fake(FakeKinesis::client, FakeKinesis::seed)),
            Map.entry(FirehoseClient.class, new Fake(FakeFirehose::client, FakeFirehose::seed)),
            Map.entry(EcrClient.class, new Fake(FakeEcr::client, FakeEcr::seed)),
            Map.entry(FSxClient.class, new Fake(FakeFsx::client, FakeFsx::seed)),
            Map.entry(GlacierClient.class, new Fake(FakeGlacier::client, FakeGlacier::seed)),
            Map.entry(KafkaClient.class, new Fake(FakeMsk::client, FakeMsk::seed)));

    private FakeStores() {}

    /** Adds one store of every declared kind, each named after {@code name}, to an account's region: for benchmarks. */
    public static void seedEveryKind(FakeAccount account, String region, String name) {
        FAKES.values().forEach(fake -> fake.seed().seed(account, region, name));
        // The kinds that the original fakes serve: log groups (CloudWatch Logs), DocumentDB and Neptune (RDS).
        FakeServices.seedLogGroup(account, region, "/app/" + name);
        FakeServices.seedCluster(account, region, name + "-docdb", "docdb");
        FakeServices.seedCluster(account, region, name + "-neptune", "neptune");
    }

    /** Adds one store of every declared kind to an account's region, each with a name of its own ({@code name-redshift}, ...). */
    public static void seedEveryKindApart(FakeAccount account, String region, String name) {
        FAKES.forEach((type, fake) -> fake.seed().seed(account, region,
                name + "-" + type.getSimpleName().replace("Client", "").toLowerCase(java.util.Locale.ROOT)));
        FakeServices.seedLogGroup(account, region, "/app/" + name);
        FakeServices.seedCluster(account, region, name + "-docdb", "docdb");
        FakeServices.seedCluster(account, region, name + "-neptune", "neptune");
    }

    public static <C> C client(Class<C> type, FakeAccount account, String region, CallLog log, int pageSize) {
        Fake fake = FAKES.get(type);
        if (fake == null) {
            throw new UnsupportedOperationException("no fake " + type.getSimpleName());
        }
        return type.cast(fake.client().client(account, region, log, pageSize));
    }
}
