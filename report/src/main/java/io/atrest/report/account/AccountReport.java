package io.atrest.report.account;

import java.time.Instant;
import java.util.List;

/**
 * Every open (failing) finding of one account in the latest stored run, with its evidence and
 * remediation, ordered by severity, then resource, then check; then its accepted risks (failures
 * an exemption accepts until its date), under a heading of their own.
 */
public record AccountReport(
        String accountId,
        String name,
        String ouPath,
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
        List<Row> findings) {

    /**
     * One open finding.
     *
     * @param evidence one "key: value" line per evidence entry
     * @param failingSince when the current run of FAIL began (yyyy-MM-dd)
     */
    public record Row(String severity, int severityRank, String resourceArn, String resourceType, String region,
                      String classification, String checkId, String title, String message, String evidence,
                      String failingSince, String remediationConsole, String remediationCli) {}
}
