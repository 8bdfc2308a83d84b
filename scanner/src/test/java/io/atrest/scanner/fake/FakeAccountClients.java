package io.atrest.scanner.fake;

import io.atrest.scanner.aws.AccountClients;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;
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
        return new Ec2Client() {
            @Override
            public DescribeRegionsResponse describeRegions(DescribeRegionsRequest request) {
                log.serve(account.id, "Ec2", "DescribeRegions", null);
                List<Region> regions = account.enabledRegions.stream().map(r -> Region.builder().regionName(r).build()).toList();
                return DescribeRegionsResponse.builder().regions(regions).build();
            }

            @Override
            public String serviceName() {
                return "ec2";
            }

            @Override
            public void close() {}
        };
    }
}
