package io.atrest.scanner.stores.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.Collected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;

class BackupKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";
    private static final String AWS_MANAGED = "arn:aws:kms:" + R + ":" + A + ":key/backup-default";

    private static String arn(String name) {
        return "arn:aws:backup:" + R + ":" + A + ":backup-vault:" + name;
    }

    private static FakeAccount account() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(BackupVaultListMember.class).addAll(List.of(
                BackupVaultListMember.builder().backupVaultName("payments").backupVaultArn(arn("payments")).encryptionKeyArn(CMK).build(),
                BackupVaultListMember.builder().backupVaultName("Default").backupVaultArn(arn("Default")).encryptionKeyArn(AWS_MANAGED).build()));
        account.in(R).tags.put(arn("payments"), Map.of("DataClassification", "restricted"));
        account.in(R).tags.put(arn("Default"), Map.of("DataClassification", "restricted"));
        account.in(R).policies.put("Default", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Anyone\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"backup:CopyIntoBackupVault\",\"Resource\":\"*\"}]}");
        return account;
    }

    @Test
    void vaultKeysAndPoliciesAreJudged() {
        Collected c = Collected.by(BackupKind.KIND, account(), new CallLog(), 1, List.of(
                Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true)), Scene.awsManagedKey("backup-default", "alias/aws/backup")));

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("ListBackupVaults")).hasSize(2);
        assertThat(c.outcome(new BackupVaultKeyTier(), "payments")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new BackupVaultKeyTier(), "Default")).as("aws/backup is below customer-managed").isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new BackupVaultNotPublic(), "payments")).as("no policy").isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new BackupVaultNotPublic(), "Default")).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aPolicyThatCannotBeReadIsNotEvaluatedNotPassed() {
        Collected c = Collected.by(BackupKind.KIND, account(),
                new CallLog().fail("Backup:GetBackupVaultAccessPolicy:payments", "AccessDeniedException", 403), 5);
        assertThat(c.outcome(new BackupVaultNotPublic(), "payments")).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(c.outcome(new BackupVaultNotPublic(), "Default")).isEqualTo(Outcome.FAIL);
    }
}
