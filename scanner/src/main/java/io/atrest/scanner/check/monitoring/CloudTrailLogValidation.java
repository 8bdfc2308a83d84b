package io.atrest.scanner.check.monitoring;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Trail;
import io.atrest.scanner.policy.Severity;

/** Log file validation is on. The setting comes with the trail listing: never NOT_EVALUATED or NOT_APPLICABLE. */
public final class CloudTrailLogValidation extends TrailCheck {

    public static final CheckInfo INFO = CheckInfo.builder("cloudtrail-log-validation")
            .title("CloudTrail log file validation is on")
            .resourceType(ResourceType.AwsCloudTrailTrail)
            .severity(Severity.MEDIUM)
            .passesWhen("LogFileValidationEnabled is true.")
            .rationale("Digest files let you prove the logs of a key deletion or a policy change were not altered or removed afterwards.")
            .remediation("CloudTrail console > Trails > the trail > General details > Edit > Log file validation: Enabled.",
                    "aws cloudtrail update-trail --name <trail> --enable-log-file-validation")
            .mappedTo("FSBP CloudTrail.4", "CIS 3.2", "Config cloud-trail-log-file-validation-enabled", "Prowler cloudtrail_log_file_validation_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(Trail trail, Evaluation evaluation) {
        return trail.logFileValidation()
                ? Verdict.pass("log file validation on").with("logFileValidation", true)
                : Verdict.fail("log file validation off").with("logFileValidation", false);
    }
}
