package io.atrest.scanner.org;

import java.util.List;

/** One account's part of a scan. */
public record AccountScan(String accountId, AccountScanStatus status, List<String> regions, int errors, String message) {}
