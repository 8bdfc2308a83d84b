package io.atrest.pipeline;

import io.atrest.scanner.aws.AwsSettings;
import io.atrest.scanner.org.ScanOptions;
import io.atrest.scanner.policy.ClassificationPolicy;

/**
 * What one live run of AWS needs, checked by its caller: how to reach AWS, which accounts and
 * regions, the role entered in each member account, the policy findings are judged against,
 * and the version of the tool that records the run.
 *
 * @param externalId the ExternalId the member accounts' trust policies demand, or null
 */
public record RunRequest(AwsSettings aws, ScanOptions scan, String roleName, String externalId, ClassificationPolicy policy,
                         String toolVersion) {}
