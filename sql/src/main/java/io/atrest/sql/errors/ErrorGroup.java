package io.atrest.sql.errors;

/** Failed calls of one run that share account, region, service, operation and error code. */
public record ErrorGroup(String accountId, String region, String service, String operation, String errorCode, int calls) {}
