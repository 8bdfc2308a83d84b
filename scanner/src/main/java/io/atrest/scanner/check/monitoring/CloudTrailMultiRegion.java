package io.atrest.scanner.check.monitoring;

import io.atrest.scanner.check.AccountCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.Trail;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A multi-region trail records the account's management events (read and write) and is
 * logging: its own trail, or an organization trail shadowed into it.
 */
public final class CloudTrailMultiRegion extends AccountCheck {

    public static final CheckInfo INFO = CheckInfo.builder("cloudtrail-multi-region")
            .title("A multi-region trail records the account's management events")
            .resourceType(ResourceType.AwsAccount)
            .severity(Severity.HIGH)
            .passesWhen("A multi-region trail (the account's own or an organization trail) is logging and records management events, "
                    + "read and write.")
            .rationale("Without it nobody can tell who disabled a key, changed a bucket policy or copied a snapshot, in any region.")
            .remediation("CloudTrail console > Create trail > Apply to all regions (or an organization trail from the management "
                            + "account) with management events Read and Write.",
                    "aws cloudtrail create-trail --name org-trail --s3-bucket-name <bucket> --is-multi-region-trail --is-organization-trail "
                            + "&& aws cloudtrail start-logging --name org-trail")
            .mappedTo("FSBP CloudTrail.1", "CIS 3.1", "Config multi-region-cloudtrail-enabled", "Prowler cloudtrail_multi_region_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(Account account, Evaluation evaluation) {
        List<Trail> trails = evaluation.inventory().trails().stream()
                .filter(t -> t.accountId().equals(account.id()) && t.multiRegion()).toList();
        Verdict unknown = null;
        for (Trail t : trails) {
            if (!t.logging().isKnown() || !t.managementEvents().isKnown()) {
                unknown = Verdict.notEvaluated(!t.logging().isKnown() ? t.logging().error() : t.managementEvents().error())
                        .with("trail", t.arn());
                continue;
            }
            if (Boolean.TRUE.equals(t.logging().value()) && t.managementEvents().value() != null && t.managementEvents().value().all()) {
                return Verdict.pass("trail " + t.name() + " records all regions").with("trail", t.arn())
                        .with("organizationTrail", t.organizationTrail());
            }
        }
        if (unknown != null) {
            return unknown;
        }
        Optional<CollectionError> listing = evaluation.failure(account.id(), null, "cloudtrail", "DescribeTrails");
        if (listing.isPresent()) {
            return Verdict.notEvaluated(listing.get());
        }
        return Verdict.fail(trails.isEmpty() ? "no multi-region trail" : "no multi-region trail is logging read and write management events")
                .with("multiRegionTrails", trails.size());
    }
}
