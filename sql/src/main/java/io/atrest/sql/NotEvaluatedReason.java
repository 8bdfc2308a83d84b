package io.atrest.sql;

/** Findings of a run that could not be evaluated, counted per account, check, reason and failed call. */
public record NotEvaluatedReason(String accountId, String checkId, String reason, String failedOperation, long findings) {}
