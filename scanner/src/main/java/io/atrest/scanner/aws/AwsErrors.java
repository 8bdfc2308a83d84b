package io.atrest.scanner.aws;

import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ErrorReason;
import java.net.SocketTimeoutException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures into {@link CollectionError}s with a reason a report can count. */
public final class AwsErrors {

    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
            "Forbidden", "AllAccessDisabled");
    private static final Set<String> THROTTLED = Set.of(
            "Throttling", "ThrottlingException", "ThrottledException", "RequestLimitExceeded",
            "TooManyRequestsException", "SlowDown", "RequestThrottled", "RequestThrottledException",
            "ProvisionedThroughputExceededException", "LimitExceededException");
    private static final Set<String> REGION_DISABLED = Set.of(
            "UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure", "OptInRequired");
    private static final Set<String> NOT_FOUND = Set.of(
            "NotFoundException", "NoSuchBucket", "ResourceNotFoundException", "NoSuchEntity",
            "AccountNotFoundException");

    private AwsErrors() {}

    /** The AWS error code, or the exception's simple name for a client-side failure. */
    public static String errorCode(Throwable failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return failure.getClass().getSimpleName();
    }

    public static ErrorReason reason(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            String code = errorCode(service);
            if (ACCESS_DENIED.contains(code)) return ErrorReason.ACCESS_DENIED;
            if (THROTTLED.contains(code) || service.isThrottlingException()) return ErrorReason.THROTTLED;
            if (REGION_DISABLED.contains(code)) return ErrorReason.REGION_DISABLED;
            if (NOT_FOUND.contains(code)) return ErrorReason.NOT_FOUND;
            if (service.statusCode() == 403) return ErrorReason.ACCESS_DENIED;
            if (service.statusCode() == 404) return ErrorReason.NOT_FOUND;
            return ErrorReason.API_ERROR;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof SocketTimeoutException) {
                return ErrorReason.TIMEOUT;
            }
        }
        return ErrorReason.API_ERROR;
    }

    public static CollectionError toError(Throwable failure, String accountId, String region, String service,
                                          String operation, String resource) {
        String message = failure instanceof AwsServiceException s && s.awsErrorDetails() != null
                ? s.awsErrorDetails().errorMessage()
                : failure.getMessage();
        ErrorReason reason = reason(failure);
        return new CollectionError(accountId, region, service, operation, reason, errorCode(failure),
                message, resource, reason == ErrorReason.ACCESS_DENIED ? deniedBy(message) : null);
    }

    private static final java.util.regex.Pattern EXPLICIT_DENY =
            java.util.regex.Pattern.compile("explicit deny in an? ([a-z -]+?)(?:\\.|$| with| for)");

    /**
     * What AWS names as the source of an explicit deny: "with an explicit deny in a service
     * control policy" gives "service control policy". Null when the message names none.
     */
    static String deniedBy(String message) {
        if (message == null) {
            return null;
        }
        var matcher = EXPLICIT_DENY.matcher(message.toLowerCase(java.util.Locale.ROOT));
        return matcher.find() ? matcher.group(1).trim() : null;
    }

    /** True when {@code failure} is an AWS error with one of the given codes. */
    public static boolean hasCode(SdkException failure, Set<String> codes) {
        return failure instanceof AwsServiceException && codes.contains(errorCode(failure));
    }
}
