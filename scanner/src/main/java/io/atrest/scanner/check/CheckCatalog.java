package io.atrest.scanner.check;

import io.atrest.scanner.check.classification.ClassificationTagged;
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
import io.atrest.scanner.check.enforcement.ScpCheck;
import io.atrest.scanner.stores.StoreKinds;
import io.atrest.scanner.check.enforcement.ScpDenial;
import io.atrest.scanner.check.iam.IamKmsLeastPrivilege;
import io.atrest.scanner.check.kms.KmsAdminCanDecrypt;
import io.atrest.scanner.check.kms.KmsDecryptPrincipals;
import io.atrest.scanner.check.kms.KmsDisabledInUse;
import io.atrest.scanner.check.kms.KmsImportedMaterialExpiry;
import io.atrest.scanner.check.kms.KmsKeySegmentation;
import io.atrest.scanner.check.kms.KmsPendingDeletion;
import io.atrest.scanner.check.kms.KmsPendingDeletionInUse;
import io.atrest.scanner.check.kms.KmsPolicyLeastPrivilege;
import io.atrest.scanner.check.kms.KmsPolicyMfaAdmin;
import io.atrest.scanner.check.kms.KmsPolicyNotPublic;
import io.atrest.scanner.check.kms.KmsPolicySeparationOfDuties;
import io.atrest.scanner.check.kms.KmsRotation;
import io.atrest.scanner.check.kms.KmsUnusedCustomerKey;
import io.atrest.scanner.check.kms.KmsViaService;
import io.atrest.scanner.check.monitoring.CloudTrailKmsEncrypted;
import io.atrest.scanner.check.monitoring.CloudTrailLogValidation;
import io.atrest.scanner.check.monitoring.CloudTrailMultiRegion;
import io.atrest.scanner.check.monitoring.ConfigEncryptionRules;
import io.atrest.scanner.check.monitoring.ConfigRecorderOn;
import io.atrest.scanner.check.monitoring.KmsDeletionAlerting;
import io.atrest.scanner.check.network.VpcDynamoEndpoint;
import io.atrest.scanner.check.network.VpcKmsEndpoint;
import io.atrest.scanner.check.network.VpcS3Endpoint;
import io.atrest.scanner.check.rds.RdsKeyTier;
import io.atrest.scanner.check.rds.RdsNotPubliclyAccessible;
import io.atrest.scanner.check.rds.RdsSnapshotEncrypted;
import io.atrest.scanner.check.rds.RdsSnapshotNotPublic;
import io.atrest.scanner.check.rds.RdsStorageEncrypted;
import io.atrest.scanner.check.s3.S3AccountBlockPublicAccess;
import io.atrest.scanner.check.s3.S3BlockPublicAccess;
import io.atrest.scanner.check.s3.S3BucketKey;
import io.atrest.scanner.check.s3.S3DefaultEncryption;
import io.atrest.scanner.check.s3.S3EnforceEncryptionPolicy;
import io.atrest.scanner.check.s3.S3KeyTier;
import io.atrest.scanner.check.s3.S3MfaDelete;
import io.atrest.scanner.check.s3.S3NotPublic;
import io.atrest.scanner.check.s3.S3SecureTransport;
import io.atrest.scanner.check.s3.S3Versioning;
import io.atrest.scanner.check.s3.S3VpcEndpointOnly;
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
        List<Check> checks = new java.util.ArrayList<>(original());
        // Every declared kind's checks after the original stores', before the network and monitoring checks.
        int at = checks.indexOf(checks.stream().filter(c -> c instanceof EfsBackup).findFirst().orElseThrow()) + 1;
        checks.addAll(at, StoreKinds.checks());
        return new CheckCatalog(checks);
    }

    /** The checks of the original kinds, the perimeter, monitoring and enforcement, in reference order. */
    private static List<Check> original() {
        return List.of(
                new ClassificationTagged(),
                new S3DefaultEncryption(),
                new S3KeyTier(),
                new S3EnforceEncryptionPolicy(),
                new S3SecureTransport(),
                new S3Versioning(),
                new S3MfaDelete(),
                new S3BlockPublicAccess(),
                new S3AccountBlockPublicAccess(),
                new S3NotPublic(),
                new S3VpcEndpointOnly(),
                new S3BucketKey(),
                new KmsRotation(),
                new KmsPendingDeletionInUse(),
                new KmsDisabledInUse(),
                new KmsPendingDeletion(),
                new KmsPolicyNotPublic(),
                new KmsPolicyLeastPrivilege(),
                new KmsPolicySeparationOfDuties(),
                new KmsPolicyMfaAdmin(),
                new KmsDecryptPrincipals(),
                new KmsAdminCanDecrypt(),
                new IamKmsLeastPrivilege(),
                new KmsKeySegmentation(),
                new KmsImportedMaterialExpiry(),
                new KmsViaService(),
                new KmsUnusedCustomerKey(),
                new EbsEncryptionByDefault(),
                new EbsDefaultKeyTier(),
                new EbsVolumeEncrypted(),
                new EbsVolumeKeyTier(),
                new EbsSnapshotEncrypted(),
                new EbsSnapshotNotPublic(),
                new RdsStorageEncrypted(),
                new RdsKeyTier(),
                new RdsSnapshotEncrypted(),
                new RdsSnapshotNotPublic(),
                new RdsNotPubliclyAccessible(),
                new DynamoKeyTier(),
                new DynamoPitr(),
                new DynamoDeletionProtection(),
                new EfsEncrypted(),
                new EfsKeyTier(),
                new EfsBackup(),
                new VpcS3Endpoint(),
                new VpcDynamoEndpoint(),
                new VpcKmsEndpoint(),
                new CloudTrailMultiRegion(),
                new CloudTrailKmsEncrypted(),
                new CloudTrailLogValidation(),
                new KmsDeletionAlerting(),
                new ConfigRecorderOn(),
                new ConfigEncryptionRules(),
                new ScpCheck(ScpDenial.UNENCRYPTED_EBS),
                new ScpCheck(ScpDenial.UNENCRYPTED_RDS),
                new ScpCheck(ScpDenial.EBS_DEFAULT_ENCRYPTION_OFF));
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
