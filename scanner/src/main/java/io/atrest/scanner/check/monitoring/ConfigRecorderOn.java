package io.atrest.scanner.check.monitoring;

import io.atrest.scanner.check.AccountRegionCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ConfigRecorder;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Optional;

/** AWS Config is recording in every scanned account and region. */
public final class ConfigRecorderOn extends AccountRegionCheck {

    public static final CheckInfo INFO = CheckInfo.builder("config-recorder")
            .title("AWS Config is recording in every region")
            .resourceType(ResourceType.AwsAccount)
            .severity(Severity.MEDIUM)
            .passesWhen("The region has a configuration recorder and it is recording.")
            .rationale("Config keeps the history of every setting atrest judges, so a regression can be traced to when and who.")
            .remediation("AWS Config console (each region) > Get started / Settings > Recording on, all resource types.",
                    "aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<role-arn> "
                            + "--recording-group allSupported=true && aws configservice start-configuration-recorder --configuration-recorder-name default")
            .mappedTo("FSBP Config.1", "CIS 3.3", "Prowler config_recorder_all_regions_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(AccountRegion scope, Evaluation evaluation) {
        Optional<CollectionError> listing = evaluation.failure(scope.accountId(), scope.region(), "config", "DescribeConfigurationRecorders");
        if (listing.isPresent()) {
            return Verdict.notEvaluated(listing.get());
        }
        List<ConfigRecorder> recorders = evaluation.inventory().configRecorders().stream()
                .filter(r -> r.accountId().equals(scope.accountId()) && r.region().equals(scope.region())).toList();
        if (recorders.isEmpty()) {
            return Verdict.fail("no configuration recorder");
        }
        for (ConfigRecorder r : recorders) {
            if (!r.recording().isKnown()) {
                return Verdict.notEvaluated(r.recording().error());
            }
            if (Boolean.TRUE.equals(r.recording().value())) {
                return Verdict.pass("recorder " + r.name() + " is recording").with("allSupported", r.allSupported());
            }
        }
        return Verdict.fail("the configuration recorder is stopped");
    }
}
