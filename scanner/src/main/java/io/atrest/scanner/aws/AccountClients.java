package io.atrest.scanner.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * The SDK clients for one account, one per region, made on demand. Collectors see only these
 * interfaces, so tests hand them in-process fakes.
 */
public interface AccountClients extends AutoCloseable {

    S3Client s3(String region);

    S3ControlClient s3Control(String region);

    KmsClient kms(String region);

    Ec2Client ec2(String region);

    RdsClient rds(String region);

    DynamoDbClient dynamoDb(String region);

    EfsClient efs(String region);

    CloudTrailClient cloudTrail(String region);

    CloudWatchLogsClient logs(String region);

    CloudWatchClient cloudWatch(String region);

    EventBridgeClient eventBridge(String region);

    ConfigClient config(String region);

    /**
     * A client of any other service, built like every other: {@code client(RedshiftClient.class,
     * RedshiftClient::builder, region)}. The kinds of store declared by a {@code StoreKind} reach
     * their services through this, so a new kind needs no method here.
     */
    <C extends SdkClient> C client(Class<C> type, Supplier<? extends AwsClientBuilder<?, C>> builder, String region);

    @Override
    default void close() {}
}
