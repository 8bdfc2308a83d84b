package io.atrest.scanner.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KeyManager;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Organization;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KmsCollectorTest {
    private static final String ACCOUNT = "111122223333";
    private final FakeAccount account = new FakeAccount(ACCOUNT);
    private final CallLog log = new CallLog();

    private Inventory collect() {
        InventoryBuilder sink = new InventoryBuilder();
        new KmsCollector(ACCOUNT, "eu-west-1", new FakeAccountClients(account, log, 2).kms("eu-west-1"), sink).collect();
        return sink.build(Instant.EPOCH, Organization.standalone(ACCOUNT));
    }

    private static KmsKey key(Inventory inventory, String keyId) {
        return inventory.keys().stream().filter(k -> k.keyId().equals(keyId)).findFirst().orElseThrow();
    }

    @Test
    void pagesThroughKeysAndAliasesAndReadsCustomerKeysInFull() {
        for (int i = 0; i < 4; i++) {
            account.key("eu-west-1", "k" + i).alias("alias/k" + i).rotation = i % 2 == 0;
        }
        account.key("eu-west-1", "aws").awsManaged().alias("alias/aws/s3");
        account.keys.get(0).tags.put("DataClassification", "restricted");

        Inventory inventory = collect();

        assertThat(inventory.keys()).hasSize(5);
        assertThat(log.calls().stream().filter("Kms:ListKeys"::equals)).hasSize(3);
        KmsKey k0 = key(inventory, "k0");
        assertThat(k0.aliases()).containsExactly("alias/k0");
        assertThat(k0.rotationEnabled().value()).isTrue();
        assertThat(key(inventory, "k1").rotationEnabled().value()).isFalse();
        assertThat(k0.policy().value()).contains("2012-10-17");
        assertThat(k0.tags().value()).containsEntry("DataClassification", "restricted");
        KmsKey aws = key(inventory, "aws");
        assertThat(aws.manager()).isEqualTo(KeyManager.AWS);
        assertThat(aws.aliases()).containsExactly("alias/aws/s3");
        // AWS-managed keys are not the customer's: no rotation, policy or tag calls for them.
        assertThat(log.calls().stream().filter(c -> c.startsWith("Kms:GetKeyPolicy"))).hasSize(4);
        assertThat(log.calls().stream().filter(c -> c.startsWith("Kms:GetKeyRotationStatus"))).hasSize(4);
    }

    @Test
    void rotationIsReadOnlyWhereItCanBeSet() {
        account.key("eu-west-1", "pending").state = "PendingDeletion";
        account.key("eu-west-1", "rsa").keySpec = "RSA_2048";
        account.key("eu-west-1", "byok").origin = "EXTERNAL";

        Inventory inventory = collect();

        assertThat(log.calls()).doesNotContain("Kms:GetKeyRotationStatus");
        assertThat(key(inventory, "pending").state()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(key(inventory, "pending").rotationEnabled().isKnown()).isTrue();
    }

    @Test
    void describeFailuresAreRecordedWithTheKey() {
        account.key("eu-west-1", "ok");
        FakeAccount.Key hidden = account.key("eu-west-1", "hidden");
        log.fail("Kms:DescribeKey:" + hidden.arn, "AccessDeniedException", 400);
        log.fail("Kms:GetKeyRotationStatus", "ThrottlingException", 400);

        Inventory inventory = collect();

        assertThat(inventory.keys()).extracting(KmsKey::keyId).containsExactly("ok");
        assertThat(key(inventory, "ok").rotationEnabled().error().reason()).isEqualTo(ErrorReason.THROTTLED);
        assertThat(inventory.errors()).anySatisfy(e -> {
            assertThat(e.operation()).isEqualTo("DescribeKey");
            assertThat(e.resource()).isEqualTo(hidden.arn);
            assertThat(e.reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
        });
    }

    @Test
    void aDisabledRegionIsRecordedAsSuch() {
        log.fail("Kms:ListKeys", "UnrecognizedClientException", 400);
        Inventory inventory = collect();
        assertThat(inventory.errors()).anySatisfy(e -> assertThat(e.reason()).isEqualTo(ErrorReason.REGION_DISABLED));
    }
}
