package io.atrest.sql.cluster;

/**
 * One account's work in a clustered run.
 *
 * @param status PENDING, RUNNING, DONE or FAILED
 * @param node the scheduler node that claimed it last
 * @param attempts how many times a node claimed it (more than one: a job recovered from a node that died)
 */
public record AccountWork(long runId, String accountId, String status, String node, int attempts, String message) {}
