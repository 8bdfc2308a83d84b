package io.atrest.scanner.policy;

import java.util.List;

/**
 * One classification level and what it demands of the stores and keys that hold its data.
 *
 * @param name the tag value that selects it, compared case-insensitively
 * @param minimumKeyTier the weakest key tier the level accepts
 * @param keyTierSeverity the severity of a store below its minimum tier
 * @param requireVersioning S3 versioning must be enabled
 * @param requireMfaDelete S3 MFA delete must be on
 * @param requireBlockPublicAccess all four Block Public Access settings must be on; off only for data meant to be public
 * @param requireEncryptionPolicy the bucket policy must deny unencrypted uploads (and other keys, with a dedicated key)
 * @param requireDedicatedKey the data's customer key protects no data of another level
 * @param requireMfaKeyAdministration destructive key administration needs MFA
 * @param requireVpcEndpointOnly access only through {@code allowedNetworks} (VPC endpoint or VPC ids; empty: any named)
 * @param requireViaService key use restricted to AWS services (kms:ViaService)
 * @param requirePointInTimeRecovery DynamoDB point-in-time recovery on
 * @param requireDeletionProtection DynamoDB and RDS deletion protection on
 * @param requireBackups automatic backups on (EFS, RDS retention)
 * @param allowPublicAccess the data is meant to be public ({@code publicAccess: allowed}, a website bucket): a
 *     public grant on its stores passes, said so in the evidence; on every other level it stays a failure
 * @param requireKmsEndpoint accounts holding the level's data need a KMS interface endpoint in their VPCs
 * @param keyAccess who may use the keys of the level's data (least privilege, how many may decrypt, separation of duties)
 */
public record Level(
        String name,
        KeyTier minimumKeyTier,
        Severity keyTierSeverity,
        boolean requireVersioning,
        boolean requireMfaDelete,
        boolean requireBlockPublicAccess,
        boolean requireEncryptionPolicy,
        boolean requireDedicatedKey,
        boolean requireMfaKeyAdministration,
        boolean requireVpcEndpointOnly,
        List<String> allowedNetworks,
        boolean requireViaService,
        boolean requirePointInTimeRecovery,
        boolean requireDeletionProtection,
        boolean requireBackups,
        boolean allowPublicAccess,
        boolean requireKmsEndpoint,
        KeyAccessRules keyAccess) {

    public Level {
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        keyAccess = keyAccess == null ? KeyAccessRules.NONE : keyAccess;
    }

    /** A level that demands nothing of key access. */
    public Level(String name, KeyTier minimumKeyTier, Severity keyTierSeverity, boolean requireVersioning, boolean requireMfaDelete,
                 boolean requireBlockPublicAccess, boolean requireEncryptionPolicy, boolean requireDedicatedKey,
                 boolean requireMfaKeyAdministration, boolean requireVpcEndpointOnly, List<String> allowedNetworks,
                 boolean requireViaService, boolean requirePointInTimeRecovery, boolean requireDeletionProtection, boolean requireBackups,
                 boolean allowPublicAccess, boolean requireKmsEndpoint) {
        this(name, minimumKeyTier, keyTierSeverity, requireVersioning, requireMfaDelete, requireBlockPublicAccess, requireEncryptionPolicy,
                requireDedicatedKey, requireMfaKeyAdministration, requireVpcEndpointOnly, allowedNetworks, requireViaService,
                requirePointInTimeRecovery, requireDeletionProtection, requireBackups, allowPublicAccess, requireKmsEndpoint, KeyAccessRules.NONE);
    }

    /** A level with only the tier, versioning, MFA delete and Block Public Access demands. */
    public Level(String name, KeyTier minimumKeyTier, Severity keyTierSeverity, boolean requireVersioning,
                 boolean requireMfaDelete, boolean requireBlockPublicAccess) {
        this(name, minimumKeyTier, keyTierSeverity, requireVersioning, requireMfaDelete, requireBlockPublicAccess,
                false, false, false, false, List.of(), false, false, false, false, false, false);
    }
}
