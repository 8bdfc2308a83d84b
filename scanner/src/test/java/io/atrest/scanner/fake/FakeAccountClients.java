package io.atrest.scanner.fake;

import io.atrest.scanner.aws.AccountClients;
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
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;

/** In-process clients for one fake account. */
public final class FakeAccountClients implements AccountClients {
    private final FakeAccount account;
    private final CallLog log;
    private final int pageSize;

    public FakeAccountClients(FakeAccount account, CallLog log, int pageSize) {
        this.account = account;
        this.log = log;
        this.pageSize = pageSize;
    }

    @Override
    public S3Client s3(String region) {
        return new FakeS3(account, log, pageSize);
    }

    @Override
    public S3ControlClient s3Control(String region) {
        return new S3ControlClient() {
            @Override
            public GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest request) {
                log.serve(account.id, "S3Control", "GetPublicAccessBlock", request.accountId());
                if (!account.id.equals(request.accountId())) {
                    throw CallLog.error("AccessDenied", 403);
                }
                if (account.accountBlock == null) {
                    throw CallLog.error("NoSuchPublicAccessBlockConfiguration", 404);
                }
                Boolean[] b = account.accountBlock;
                return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(PublicAccessBlockConfiguration.builder()
                        .blockPublicAcls(b[0]).ignorePublicAcls(b[1]).blockPublicPolicy(b[2]).restrictPublicBuckets(b[3]).build()).build();
            }

            @Override
            public String serviceName() {
                return "s3control";
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public KmsClient kms(String region) {
        return new FakeKms(account, region, log, pageSize);
    }

    @Override
    public Ec2Client ec2(String region) {
        return FakeServices.ec2(account, account.in(region), log, pageSize);
    }

    @Override
    public RdsClient rds(String region) {
        return FakeServices.rds(account, account.in(region), log, pageSize);
    }

    @Override
    public DynamoDbClient dynamoDb(String region) {
        return FakeServices.dynamo(account, account.in(region), log, pageSize);
    }

    @Override
    public EfsClient efs(String region) {
        return FakeServices.efs(account, account.in(region), log);
    }

    @Override
    public CloudTrailClient cloudTrail(String region) {
        return FakeServices.cloudTrail(account, account.in(region), log);
    }

    @Override
    public CloudWatchLogsClient logs(String region) {
        return FakeServices.logs(account, account.in(region), log);
    }

    @Override
    public CloudWatchClient cloudWatch(String region) {
        return FakeServices.cloudWatch(account, account.in(region), log);
    }

    @Override
    public EventBridgeClient eventBridge(String region) {
        return FakeServices.eventBridge(account, account.in(region), log);
    }

    @Override
    public ConfigClient config(String region) {
        return FakeServices.config(account, account.in(region), log);
    }

    @Override
    public <C extends SdkClient> C client(Class<C> type, Supplier<? extends AwsClientBuilder<?, C>> builder, String region) {
        if (type == software.amazon.awssdk.services.iam.IamClient.class) {
            return type.cast(new FakeIam(account, log, pageSize));
        }
        return FakeStores.client(type, account, region, log, pageSize);
    }
}
