package io.atrest.sql;

import io.atrest.scanner.inventory.Account;
import java.util.List;

/**
 * One account's part of a run, as it is stored.
 *
 * @param status COMPLETE, PARTIAL or FAILED
 */
public record AccountResult(Account account, String status, List<String> regions, int collectionErrors, String message) {}
