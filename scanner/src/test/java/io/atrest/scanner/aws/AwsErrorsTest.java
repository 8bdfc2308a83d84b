package io.atrest.scanner.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ErrorReason;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {
    @Test
    void mapsEachProtocolsCodesToReasons() {
        assertThat(AwsErrors.reason(CallLog.error("AccessDenied", 403))).isEqualTo(ErrorReason.ACCESS_DENIED);
        assertThat(AwsErrors.reason(CallLog.error("AccessDeniedException", 400))).isEqualTo(ErrorReason.ACCESS_DENIED);
        assertThat(AwsErrors.reason(CallLog.error("UnauthorizedOperation", 403))).isEqualTo(ErrorReason.ACCESS_DENIED);
        assertThat(AwsErrors.reason(CallLog.error("ThrottlingException", 400))).isEqualTo(ErrorReason.THROTTLED);
        assertThat(AwsErrors.reason(CallLog.error("Throttling", 400))).isEqualTo(ErrorReason.THROTTLED);
        assertThat(AwsErrors.reason(CallLog.error("SlowDown", 503))).isEqualTo(ErrorReason.THROTTLED);
        assertThat(AwsErrors.reason(CallLog.error("RequestLimitExceeded", 503))).isEqualTo(ErrorReason.THROTTLED);
        assertThat(AwsErrors.reason(CallLog.error("UnrecognizedClientException", 400))).isEqualTo(ErrorReason.REGION_DISABLED);
        assertThat(AwsErrors.reason(CallLog.error("NotFoundException", 400))).isEqualTo(ErrorReason.NOT_FOUND);
        assertThat(AwsErrors.reason(CallLog.error("InternalFailure", 500))).isEqualTo(ErrorReason.API_ERROR);
        assertThat(AwsErrors.reason(ApiCallTimeoutException.create(1000))).isEqualTo(ErrorReason.TIMEOUT);
        assertThat(AwsErrors.reason(SdkClientException.create("reset", new java.net.SocketTimeoutException()))).isEqualTo(ErrorReason.TIMEOUT);
        assertThat(AwsErrors.reason(SdkClientException.create("Connection reset"))).isEqualTo(ErrorReason.API_ERROR);
    }

    @Test
    void tellsAnExplicitDenyInAServiceControlPolicyApart() {
        AwsServiceException scp = AwsServiceException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDeniedException")
                .errorMessage("User: arn:aws:sts::1:assumed-role/R/atrest is not authorized to perform: kms:GetKeyPolicy on resource: "
                        + "arn:aws:kms:eu-west-1:1:key/k with an explicit deny in a service control policy")
                .build()).build();
        CollectionError error = AwsErrors.toError(scp, "1", "eu-west-1", "kms", "GetKeyPolicy", "k");
        assertThat(error.reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
        assertThat(error.deniedBy()).isEqualTo("service control policy");
        assertThat(AwsErrors.deniedBy("... because no identity-based policy allows the kms:GetKeyPolicy action")).isNull();
        assertThat(AwsErrors.deniedBy("... with an explicit deny in a resource-based policy")).isEqualTo("resource-based policy");
        assertThat(AwsErrors.deniedBy("with an explicit deny in a permissions boundary.")).isEqualTo("permissions boundary");
    }
}
