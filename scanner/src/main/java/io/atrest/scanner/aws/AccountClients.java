package io.atrest.scanner.aws;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
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

    @Override
    default void close() {}
}
