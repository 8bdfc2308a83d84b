package io.atrest.scanner.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.DynamoTable;
import io.atrest.scanner.inventory.EbsVolume;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.RdsInstance;
import io.atrest.scanner.policy.KeyTier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every store's key reference resolves to a key and a tier, and each key knows the stores it protects. */
class KeyGraphTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private final KmsKey cmk = Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true));

    private static EbsVolume volume(String id, boolean encrypted, String key) {
        return new EbsVolume(A, R, id, encrypted, key, "in-use", 8, List.of(), Scene.NOW, Map.of());
    }

    @Test
    void resolvesEveryKindOfStoreAndBuildsTheGraph() {
        RdsInstance db = new RdsInstance(A, R, "db", "arn:aws:rds:" + R + ":" + A + ":db:db", "postgres", true,
                "alias/cmk", false, true, 7, null, Map.of());
        DynamoTable owned = new DynamoTable(A, R, "t", "arn:aws:dynamodb:" + R + ":" + A + ":table/t", "ACTIVE", false, null,
                false, Observed.of(true), Observed.of(Map.of()));
        EbsVolume byArn = volume("vol-1", true, cmk.arn());
        EbsVolume awsManaged = volume("vol-2", true, null);
        EbsVolume plain = volume("vol-3", false, null);
        EbsVolume crossAccount = volume("vol-4", true, "arn:aws:kms:" + R + ":999999999999:key/other");

        Evaluation evaluation = new Scene().with(cmk)
                .add(b -> {
                    b.rdsInstance(db);
                    b.dynamoTable(owned);
                    b.volume(byArn);
                    b.volume(awsManaged);
                    b.volume(plain);
                    b.volume(crossAccount);
                })
                .evaluation();

        assertThat(evaluation.storeKey(db).tier()).isEqualTo(KeyTier.KMS_CUSTOMER_MANAGED);
        assertThat(evaluation.storeKey(owned).tier()).isEqualTo(KeyTier.PROVIDER_OWNED);
        assertThat(evaluation.storeKey(byArn).key()).isEqualTo(cmk);
        assertThat(evaluation.storeKey(awsManaged).tier()).isEqualTo(KeyTier.KMS_AWS_MANAGED);
        assertThat(evaluation.storeKey(plain).tier()).isEqualTo(KeyTier.NONE);
        KeyResolution unresolved = evaluation.storeKey(crossAccount);
        assertThat(unresolved.resolved()).isFalse();
        assertThat(unresolved.unresolvedReason()).isEqualTo(ErrorReason.NOT_FOUND);
        assertThat(evaluation.storesProtectedBy(cmk)).extracting(DataStore::arn).containsExactlyInAnyOrder(db.arn(), byArn.arn());
    }
}
