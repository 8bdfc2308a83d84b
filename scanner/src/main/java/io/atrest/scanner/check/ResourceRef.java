package io.atrest.scanner.check;

/** The resource a finding is about. */
public record ResourceRef(ResourceType type, String arn, String name, String accountId, String region) {}
