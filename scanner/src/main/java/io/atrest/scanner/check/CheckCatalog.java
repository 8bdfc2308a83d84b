package io.atrest.scanner.check;

import io.atrest.scanner.check.kms.KmsPendingDeletionInUse;
import io.atrest.scanner.check.kms.KmsRotation;
import io.atrest.scanner.check.s3.S3BlockPublicAccess;
import io.atrest.scanner.check.s3.S3DefaultEncryption;
import io.atrest.scanner.check.s3.S3KeyTier;
import io.atrest.scanner.check.s3.S3Versioning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every check atrest ships, in reference order. The generated docs/checks.md reads this list. */
public final class CheckCatalog {

    private final Map<String, Check> checks = new LinkedHashMap<>();

    private CheckCatalog(List<Check> checks) {
        for (Check check : checks) {
            if (this.checks.put(check.info().id(), check) != null) {
                throw new IllegalStateException("duplicate check id " + check.info().id());
            }
        }
    }

    public static CheckCatalog standard() {
        return new CheckCatalog(List.of(
                new io.atrest.scanner.check.classification.ClassificationTagged(),
                new S3DefaultEncryption(),
                new S3KeyTier(),
                new io.atrest.scanner.check.s3.S3EnforceEncryptionPolicy(),
                new io.atrest.scanner.check.s3.S3SecureTransport(),
                new S3Versioning(),
                new io.atrest.scanner.check.s3.S3MfaDelete(),
                new S3BlockPublicAccess(),
                new io.atrest.scanner.check.s3.S3AccountBlockPublicAccess(),
                new io.atrest.scanner.check.s3.S3NotPublic(),
                new io.atrest.scanner.check.s3.S3VpcEndpointOnly(),
                new io.atrest.scanner.check.s3.S3BucketKey(),
                new KmsRotation(),
                new KmsPendingDeletionInUse(),
                new io.atrest.scanner.check.kms.KmsDisabledInUse(),
                new io.atrest.scanner.check.kms.KmsPendingDeletion(),
                new io.atrest.scanner.check.kms.KmsPolicyNotPublic(),
                new io.atrest.scanner.check.kms.KmsPolicyLeastPrivilege(),
                new io.atrest.scanner.check.kms.KmsPolicySeparationOfDuties(),
                new io.atrest.scanner.check.kms.KmsPolicyMfaAdmin(),
                new io.atrest.scanner.check.kms.KmsKeySegmentation(),
                new io.atrest.scanner.check.kms.KmsImportedMaterialExpiry(),
                new io.atrest.scanner.check.kms.KmsViaService(),
                new io.atrest.scanner.check.kms.KmsUnusedCustomerKey(),
                new io.atrest.scanner.check.ebs.EbsEncryptionByDefault(),
                new io.atrest.scanner.check.ebs.EbsDefaultKeyTier(),
                new io.atrest.scanner.check.ebs.EbsVolumeEncrypted(),
                new io.atrest.scanner.check.ebs.EbsVolumeKeyTier(),
                new io.atrest.scanner.check.ebs.EbsSnapshotEncrypted(),
                new io.atrest.scanner.check.ebs.EbsSnapshotNotPublic(),
                new io.atrest.scanner.check.rds.RdsStorageEncrypted(),
                new io.atrest.scanner.check.rds.RdsKeyTier(),
                new io.atrest.scanner.check.rds.RdsSnapshotEncrypted(),
                new io.atrest.scanner.check.rds.RdsSnapshotNotPublic(),
                new io.atrest.scanner.check.rds.RdsNotPubliclyAccessible(),
                new io.atrest.scanner.check.dynamodb.DynamoKeyTier(),
                new io.atrest.scanner.check.dynamodb.DynamoPitr(),
                new io.atrest.scanner.check.dynamodb.DynamoDeletionProtection(),
                new io.atrest.scanner.check.efs.EfsEncrypted(),
                new io.atrest.scanner.check.efs.EfsKeyTier(),
                new io.atrest.scanner.check.efs.EfsBackup(),
                new io.atrest.scanner.check.network.VpcS3Endpoint(),
                new io.atrest.scanner.check.network.VpcDynamoEndpoint(),
                new io.atrest.scanner.check.network.VpcKmsEndpoint(),
                new io.atrest.scanner.check.monitoring.CloudTrailMultiRegion(),
                new io.atrest.scanner.check.monitoring.CloudTrailKmsEncrypted(),
                new io.atrest.scanner.check.monitoring.CloudTrailLogValidation(),
                new io.atrest.scanner.check.monitoring.KmsDeletionAlerting(),
                new io.atrest.scanner.check.monitoring.ConfigRecorderOn(),
                new io.atrest.scanner.check.monitoring.ConfigEncryptionRules(),
                new io.atrest.scanner.check.enforcement.ScpDenyUnencryptedEbs(),
                new io.atrest.scanner.check.enforcement.ScpDenyUnencryptedRds(),
                new io.atrest.scanner.check.enforcement.ScpProtectEbsDefaultEncryption()));
    }

    public static CheckCatalog of(List<Check> checks) {
        return new CheckCatalog(checks);
    }

    public List<Check> checks() {
        return List.copyOf(checks.values());
    }

    public Optional<Check> check(String id) {
        return Optional.ofNullable(checks.get(id));
    }
}
