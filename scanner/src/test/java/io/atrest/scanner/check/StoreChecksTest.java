package io.atrest.scanner.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.dynamodb.DynamoDeletionProtection;
import io.atrest.scanner.check.dynamodb.DynamoKeyTier;
import io.atrest.scanner.check.dynamodb.DynamoPitr;
import io.atrest.scanner.check.ebs.EbsDefaultKeyTier;
import io.atrest.scanner.check.ebs.EbsEncryptionByDefault;
import io.atrest.scanner.check.ebs.EbsSnapshotEncrypted;
import io.atrest.scanner.check.ebs.EbsSnapshotNotPublic;
import io.atrest.scanner.check.ebs.EbsVolumeEncrypted;
import io.atrest.scanner.check.ebs.EbsVolumeKeyTier;
import io.atrest.scanner.check.efs.EfsBackup;
import io.atrest.scanner.check.efs.EfsEncrypted;
import io.atrest.scanner.check.efs.EfsKeyTier;
import io.atrest.scanner.check.rds.RdsKeyTier;
import io.atrest.scanner.check.rds.RdsNotPubliclyAccessible;
import io.atrest.scanner.check.rds.RdsSnapshotEncrypted;
import io.atrest.scanner.check.rds.RdsSnapshotNotPublic;
import io.atrest.scanner.check.rds.RdsStorageEncrypted;
import io.atrest.scanner.inventory.DynamoTable;
import io.atrest.scanner.inventory.EbsDefaults;
import io.atrest.scanner.inventory.EbsSnapshot;
import io.atrest.scanner.inventory.EbsVolume;
import io.atrest.scanner.inventory.EfsFileSystem;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.RdsCluster;
import io.atrest.scanner.inventory.RdsInstance;
import io.atrest.scanner.inventory.RdsSnapshot;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PASS, FAIL, NOT_APPLICABLE and NOT_EVALUATED for the EBS, RDS, DynamoDB and EFS checks. */
class StoreChecksTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static Map<String, String> tag(String level) {
        return level == null ? Map.of() : Map.of("DataClassification", level);
    }

    private static EbsVolume volume(String id, boolean encrypted, String key, String level) {
        return new EbsVolume(A, R, id, encrypted, key, "in-use", 8, List.of("i-1"), Scene.NOW, tag(level));
    }

    private static Scene scene() {
        return new Scene().with(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true)));
    }

    @Test
    void ebsVolumesEncryptedAndTheirKeyTier() {
        Check encrypted = new EbsVolumeEncrypted();
        Check tier = new EbsVolumeKeyTier();
        Scene scene = scene().add(b -> {
            b.volume(volume("vol-cmk", true, CMK, "restricted"));
            b.volume(volume("vol-aws", true, null, "restricted"));
            b.volume(volume("vol-plain", false, null, "public"));
            b.volume(volume("vol-lost", true, "arn:aws:kms:" + R + ":" + A + ":key/missing", "restricted"));
        });
        assertThat(scene.finding(encrypted, "vol-cmk").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(encrypted, "vol-plain").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(tier, "vol-cmk").outcome()).isEqualTo(Outcome.PASS);
        Finding awsManaged = scene.finding(tier, "vol-aws");
        assertThat(awsManaged.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(awsManaged.evidence()).containsEntry("actual", "KMS_AWS_MANAGED");
        Finding lost = scene.finding(tier, "vol-lost");
        assertThat(lost.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(lost.reason()).isEqualTo(ErrorReason.NOT_FOUND);
        assertThat(lost.message()).contains("does not exist");
        // public data demands provider-owned at least: an unencrypted public volume fails the tier too
        assertThat(scene.finding(tier, "vol-plain").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void ebsSnapshots() {
        Scene scene = scene().add(b -> {
            b.snapshot(new EbsSnapshot(A, R, "snap-ok", "vol-1", true, CMK, "completed", Scene.NOW, Observed.of(false), Map.of()));
            b.snapshot(new EbsSnapshot(A, R, "snap-open", "vol-2", false, null, "completed", Scene.NOW, Observed.of(true), Map.of()));
            b.snapshot(new EbsSnapshot(A, R, "snap-unknown", "vol-3", true, CMK, "completed", Scene.NOW,
                    Observed.failed(Scene.denied("ec2", "DescribeSnapshots", "RestorableByUserIds=all")), Map.of()));
        });
        assertThat(scene.finding(new EbsSnapshotEncrypted(), "snap-ok").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new EbsSnapshotEncrypted(), "snap-open").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new EbsSnapshotNotPublic(), "snap-ok").outcome()).isEqualTo(Outcome.PASS);
        Finding open = scene.finding(new EbsSnapshotNotPublic(), "snap-open");
        assertThat(open.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(open.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(scene.finding(new EbsSnapshotNotPublic(), "snap-unknown").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void ebsEncryptionByDefaultAndItsKey() {
        Check byDefault = new EbsEncryptionByDefault();
        Check defaultKey = new EbsDefaultKeyTier();
        String name = "prod / " + R;
        Scene on = scene().add(b -> b.ebsDefaults(new EbsDefaults(A, R, Observed.of(true), Observed.of(CMK))))
                .add(b -> b.volume(volume("v", true, CMK, "restricted")));
        assertThat(on.finding(byDefault, name).outcome()).isEqualTo(Outcome.PASS);
        assertThat(on.finding(defaultKey, name).outcome()).isEqualTo(Outcome.PASS);
        Scene awsKey = scene().add(b -> b.ebsDefaults(new EbsDefaults(A, R, Observed.of(true), Observed.of("alias/aws/ebs"))))
                .add(b -> b.volume(volume("v", true, CMK, "restricted")));
        Finding weak = awsKey.finding(defaultKey, name);
        assertThat(weak.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(weak.evidence()).containsEntry("level", "restricted");
        Scene off = scene().add(b -> b.ebsDefaults(new EbsDefaults(A, R, Observed.of(false), Observed.of("alias/aws/ebs"))));
        assertThat(off.finding(byDefault, name).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(off.finding(defaultKey, name).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        Scene denied = scene().add(b -> b.ebsDefaults(new EbsDefaults(A, R,
                Observed.failed(Scene.denied("ec2", "GetEbsEncryptionByDefault", null)), Observed.absent())));
        assertThat(denied.finding(byDefault, name).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(denied.finding(defaultKey, name).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(scene().error(Scene.denied("ec2", "(all)", null)).finding(byDefault, name).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void rdsStorageKeysSnapshotsAndExposure() {
        Scene scene = scene().add(b -> {
            b.rdsCluster(new RdsCluster(A, R, "aurora", "arn:aws:rds:" + R + ":" + A + ":cluster:aurora", "aurora-postgresql",
                    true, CMK, true, 7, tag("restricted")));
            b.rdsInstance(new RdsInstance(A, R, "aurora-1", "arn:aws:rds:" + R + ":" + A + ":db:aurora-1", "aurora-postgresql",
                    true, CMK, false, true, 7, "aurora", tag("restricted")));
            b.rdsInstance(new RdsInstance(A, R, "legacy", "arn:aws:rds:" + R + ":" + A + ":db:legacy", "mysql",
                    false, null, true, false, 0, null, tag("confidential")));
            b.rdsSnapshot(new RdsSnapshot(A, R, "snap-open", "arn:aws:rds:" + R + ":" + A + ":snapshot:snap-open", false, "legacy",
                    false, null, Scene.NOW, Observed.of(true), Map.of()));
            b.rdsSnapshot(new RdsSnapshot(A, R, "snap-unknown", "arn:aws:rds:" + R + ":" + A + ":snapshot:snap-unknown", false, "legacy",
                    true, CMK, Scene.NOW, Observed.failed(Scene.denied("rds", "DescribeDBSnapshotAttributes", "snap")), Map.of()));
        });
        assertThat(scene.finding(new RdsStorageEncrypted(), "aurora").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new RdsStorageEncrypted(), "aurora-1").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(scene.finding(new RdsStorageEncrypted(), "legacy").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new RdsKeyTier(), "aurora").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new RdsKeyTier(), "legacy").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new RdsSnapshotEncrypted(), "snap-open").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new RdsSnapshotEncrypted(), "snap-unknown").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new RdsSnapshotNotPublic(), "snap-open").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new RdsSnapshotNotPublic(), "snap-unknown").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(scene.finding(new RdsNotPubliclyAccessible(), "legacy").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new RdsNotPubliclyAccessible(), "aurora-1").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void dynamoTables() {
        Scene scene = scene().add(b -> {
            b.dynamoTable(new DynamoTable(A, R, "orders", "arn:aws:dynamodb:" + R + ":" + A + ":table/orders", "ACTIVE", true, CMK, true,
                    Observed.of(true), Observed.of(tag("restricted"))));
            b.dynamoTable(new DynamoTable(A, R, "sessions", "arn:aws:dynamodb:" + R + ":" + A + ":table/sessions", "ACTIVE", false, null,
                    false, Observed.of(false), Observed.of(tag("confidential"))));
            b.dynamoTable(new DynamoTable(A, R, "cache", "arn:aws:dynamodb:" + R + ":" + A + ":table/cache", "ACTIVE", false, null,
                    false, Observed.of(false), Observed.of(tag("public"))));
            b.dynamoTable(new DynamoTable(A, R, "hidden", "arn:aws:dynamodb:" + R + ":" + A + ":table/hidden", "ACTIVE", false, null,
                    false, Observed.failed(Scene.denied("dynamodb", "DescribeContinuousBackups", "hidden")),
                    Observed.failed(Scene.denied("dynamodb", "ListTagsOfResource", "hidden"))));
        });
        assertThat(scene.finding(new DynamoKeyTier(), "orders").outcome()).isEqualTo(Outcome.PASS);
        Finding owned = scene.finding(new DynamoKeyTier(), "sessions");
        assertThat(owned.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(owned.evidence()).containsEntry("actual", "PROVIDER_OWNED");
        assertThat(scene.finding(new DynamoKeyTier(), "cache").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new DynamoKeyTier(), "hidden").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(scene.finding(new DynamoPitr(), "orders").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new DynamoPitr(), "sessions").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new DynamoPitr(), "cache").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(scene.finding(new DynamoPitr(), "hidden").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(scene.finding(new DynamoDeletionProtection(), "orders").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new DynamoDeletionProtection(), "sessions").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(scene.finding(new DynamoDeletionProtection(), "hidden").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        Scene unprotected = scene().add(b -> b.dynamoTable(new DynamoTable(A, R, "ledger", "arn:aws:dynamodb:" + R + ":" + A + ":table/ledger",
                "ACTIVE", true, CMK, false, Observed.of(true), Observed.of(tag("restricted")))));
        assertThat(unprotected.finding(new DynamoDeletionProtection(), "ledger").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void efsFileSystems() {
        Scene scene = scene().add(b -> {
            b.efsFileSystem(new EfsFileSystem(A, R, "fs-1", "arn:fs-1", "home", true, CMK, Observed.of(true), tag("restricted")));
            b.efsFileSystem(new EfsFileSystem(A, R, "fs-2", "arn:fs-2", "scratch", false, null, Observed.of(false), tag("confidential")));
            b.efsFileSystem(new EfsFileSystem(A, R, "fs-3", "arn:fs-3", "web", true, null, Observed.of(false), tag("public")));
            b.efsFileSystem(new EfsFileSystem(A, R, "fs-4", "arn:fs-4", "old", true, null,
                    Observed.failed(Scene.denied("efs", "DescribeBackupPolicy", "fs-4")), tag("restricted")));
        });
        assertThat(scene.finding(new EfsEncrypted(), "home").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new EfsEncrypted(), "scratch").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new EfsKeyTier(), "home").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new EfsKeyTier(), "old").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new EfsBackup(), "home").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new EfsBackup(), "scratch").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new EfsBackup(), "web").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(scene.finding(new EfsBackup(), "old").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }
}
