package io.atrest.scanner.inventory;

/** The account-wide S3 Block Public Access settings (S3 Control). */
public record AccountPublicAccessBlock(String accountId, Observed<PublicAccessBlock> settings) {}
