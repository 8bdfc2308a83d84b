package io.atrest.report.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A fix's command carries what atrest knows about the resource; only the reader's own choices stay placeholders. */
class FixCommandTest {
    @Test
    void aBucketsNameFillsItsPlaceholderAndTheKeyToUseStaysNamed() {
        String filled = FixCommand.fill("aws s3api put-bucket-encryption --bucket <bucket> --kms-key-id <key-arn>", "AwsS3Bucket",
                "arn:aws:s3:::acme-ledger", "acme-ledger", "111111111111", "eu-west-1");
        assertThat(filled).isEqualTo("aws s3api put-bucket-encryption --bucket acme-ledger --kms-key-id <key-arn>");
        assertThat(FixCommand.unknowns(List.of(filled)))
                .containsExactly("<key-arn>: the ARN of the customer-managed key of the data's level to encrypt with");
    }

    @Test
    void aSnapshotFillsEveryUseOfItsIdAndTheRegion() {
        assertThat(FixCommand.fill("aws ec2 copy-snapshot --source-snapshot-id <snap> --source-region <region> --encrypted",
                "AwsEc2Snapshot", "arn:aws:ec2:eu-west-1:111111111111:snapshot/snap-0abc", null, "111111111111", "eu-west-1"))
                .isEqualTo("aws ec2 copy-snapshot --source-snapshot-id snap-0abc --source-region eu-west-1 --encrypted");
        assertThat(FixCommand.fill("aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-encrypted",
                "AwsRdsDbSnapshot", "arn:aws:rds:eu-west-1:111111111111:snapshot:nightly-1", "nightly-1", "111111111111", "eu-west-1"))
                .endsWith("--source-db-snapshot-identifier nightly-1 --target-db-snapshot-identifier nightly-1-encrypted");
    }

    @Test
    void aVolumesSnapshotIsNotTheVolume() {
        // On a volume, <snap> is the snapshot the first command makes: not something atrest knows.
        String filled = FixCommand.fill("aws ec2 create-snapshot --volume-id <volume-id> && aws ec2 copy-snapshot --source-snapshot-id <snap>",
                "AwsEc2Volume", "arn:aws:ec2:eu-west-1:111111111111:volume/vol-0123", null, "111111111111", "eu-west-1");
        assertThat(filled).contains("--volume-id vol-0123").contains("--source-snapshot-id <snap>");
        assertThat(FixCommand.unknowns(List.of(filled))).containsExactly("<snap>: the id of the snapshot the first command creates");
    }

    @Test
    void keysQueuesAndTopicsAreNamedTheWayTheirCommandsTakeThem() {
        assertThat(FixCommand.fill("aws kms enable-key-rotation --key-id <key-id> --region <region>", "AwsKmsKey",
                "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab", null, "111111111111", "us-east-1"))
                .isEqualTo("aws kms enable-key-rotation --key-id 1234abcd-12ab --region us-east-1");
        assertThat(FixCommand.fill("aws sqs set-queue-attributes --queue-url <queue-url>", "AwsSqsQueue",
                "arn:aws:sqs:us-east-1:111111111111:orders", "orders", "111111111111", "us-east-1"))
                .isEqualTo("aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/111111111111/orders");
        assertThat(FixCommand.fill("aws sns set-topic-attributes --topic-arn <topic-arn>", "AwsSnsTopic",
                "arn:aws:sns:us-east-1:111111111111:alerts", "alerts", "111111111111", "us-east-1"))
                .endsWith("--topic-arn arn:aws:sns:us-east-1:111111111111:alerts");
    }

    @Test
    void aNameTheShellWouldSplitIsQuoted() {
        assertThat(FixCommand.fill("aws logs associate-kms-key --log-group-name <log-group>", "AwsLogsLogGroup",
                "arn:aws:logs:us-east-1:111111111111:log-group:app #1", "app #1", "111111111111", "us-east-1"))
                .endsWith("--log-group-name 'app #1'");
    }

    @Test
    void withoutAResourceOnlyTheAccountIsFilled() {
        assertThat(FixCommand.fill("aws s3control put-public-access-block --account-id <account> --bucket <bucket>", null, null, null,
                "111111111111", null)).isEqualTo("aws s3control put-public-access-block --account-id 111111111111 --bucket <bucket>");
    }
}
