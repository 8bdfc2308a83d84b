package io.atrest.scanner.stores.sns;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** SNS topics are encrypted at rest. */
public final class SnsEncrypted extends EncryptionCheck<SnsTopic> {

    public static final CheckInfo INFO = CheckInfo.builder("sns-encrypted")
            .title("SNS topics are encrypted at rest")
            .resourceType(SnsTopic.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("GetTopicAttributes reports a KmsMasterKeyId for the topic.")
            .rationale("A topic stores each message until every subscriber has it; without a key, SNS keeps them "
                    + "unencrypted at rest.")
            .remediation("SNS console > topic > Edit > Encryption: enable encryption with a KMS key of the right level.",
                    "aws sns set-topic-attributes --topic-arn <topic-arn> --attribute-name KmsMasterKeyId "
                    + "--attribute-value <key-arn>")
            .mappedTo("FSBP SNS.1", "Config sns-encrypted-kms", "Prowler sns_topics_kms_encryption_at_rest_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<SnsTopic> stores(Inventory inventory) {
        return inventory.storesOf(SnsTopic.class);
    }
}
