package io.atrest.scanner.inventory;

/** One account and region that a scan covered. */
public record AccountRegion(String accountId, String region) {}
