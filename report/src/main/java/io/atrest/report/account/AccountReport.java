package io.atrest.report.account;

import java.time.Instant;
import java.util.List;

/**
 * What one account must fix, read from the latest stored run: each failing check once, most
 * severe first, with its fix and the resources it fails on; then the account's accepted risks
 * (failures an exemption accepts until its date); then what could not be evaluated here.
 *
 * @param ouPath the OU path shortened from the left; {@code ouPathFull} the whole of it
 */
public record AccountReport(
        String accountId,
        String name,
        String ouPath,
        String ouPathFull,
        long runId,
        Instant runStartedAt,
        Instant generatedAt,
        String score,
        String coverage,
        String status,
        long critical,
        long high,
        long medium,
        long low,
        List<CheckGroup> checks,
        List<CheckGroup> accepted,
        List<Gap> gaps) {

    /** Failing findings (not accepted risks) in all. */
    public long failing() {
        return checks.stream().mapToLong(c -> c.resources().size()).sum();
    }

    /**
     * One failing check and everything it fails on in this account.
     *
     * @param cli the fix's command when it is the same for every resource (filled with what atrest knows); empty when each
     *     resource has its own, in {@link Affected#command}
     * @param unknowns what the placeholders left in the commands stand for: values only the reader can choose
     */
    public record CheckGroup(String severity, int severityRank, String checkId, String title, String rationale, String console,
                             String cli, List<String> unknowns, List<Affected> resources) {}

    /**
     * One resource a check fails on.
     *
     * @param name the resource's name (or id) people know it by
     * @param evidence one "key: value" line per evidence entry
     * @param failingSince when the current run of FAIL began (yyyy-MM-dd)
     * @param command the check's CLI command with every value atrest knows filled in; empty when the check has none
     */
    public record Affected(String name, String arn, String resourceType, String region, String classification, String message,
                           String evidence, String failingSince, String command) {}

    /** What could not be evaluated in this account, per check and reason. */
    public record Gap(String checkId, String title, String reason, String operation, long findings) {}
}
