package io.atrest.scanner.policy;

/**
 * One classification level and what it demands of the stores that hold its data.
 *
 * @param name the tag value that selects it, compared case-insensitively
 * @param minimumKeyTier the weakest key tier the level accepts
 * @param keyTierSeverity the severity of a store below its minimum tier
 * @param requireVersioning S3 versioning must be enabled
 * @param requireMfaDelete S3 MFA delete must be on
 * @param requireBlockPublicAccess all four Block Public Access settings must be on; off only for
 *     data meant to be public, such as a website bucket
 */
public record Level(
        String name,
        KeyTier minimumKeyTier,
        Severity keyTierSeverity,
        boolean requireVersioning,
        boolean requireMfaDelete,
        boolean requireBlockPublicAccess) {}
