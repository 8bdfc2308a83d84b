package io.atrest.scanner.check.monitoring;

import io.atrest.scanner.check.AccountCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ConfigRule;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** AWS Config rules that detect unencrypted stores are deployed in the account. */
public final class ConfigEncryptionRules extends AccountCheck {

    static final Set<String> RULES = Set.of("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "ENCRYPTED_VOLUMES",
            "RDS_STORAGE_ENCRYPTED", "DYNAMODB_TABLE_ENCRYPTED_KMS");

    public static final CheckInfo INFO = CheckInfo.builder("config-encryption-rules")
            .title("AWS Config rules detect unencrypted data stores")
            .resourceType(ResourceType.AwsAccount)
            .severity(Severity.LOW)
            .passesWhen("At least one of the managed rules s3-bucket-server-side-encryption-enabled, encrypted-volumes, "
                    + "rds-storage-encrypted or dynamodb-table-encrypted-kms is deployed.")
            .rationale("Config rules flag an unencrypted store minutes after it appears, between atrest's nightly runs.")
            .remediation("AWS Config console > Rules > Add rule > the managed rules above (or deploy the Operational Best "
                            + "Practices for Encryption conformance pack).",
                    "aws configservice put-config-rule --config-rule '{\"ConfigRuleName\":\"encrypted-volumes\",\"Source\":"
                            + "{\"Owner\":\"AWS\",\"SourceIdentifier\":\"ENCRYPTED_VOLUMES\"}}'")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(Account account, Evaluation evaluation) {
        List<String> deployed = evaluation.inventory().configRules().stream()
                .filter(r -> r.accountId().equals(account.id()) && r.sourceIdentifier() != null && RULES.contains(r.sourceIdentifier()))
                .map(ConfigRule::sourceIdentifier).distinct().sorted().toList();
        if (!deployed.isEmpty()) {
            return Verdict.pass("deployed: " + deployed).with("rules", deployed);
        }
        Optional<CollectionError> gap = evaluation.failure(account.id(), null, "config", "DescribeConfigRules");
        return gap.isPresent() ? Verdict.notEvaluated(gap.get()) : Verdict.fail("none of the encryption rules is deployed");
    }
}
