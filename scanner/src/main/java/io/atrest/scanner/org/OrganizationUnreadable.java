package io.atrest.scanner.org;

import io.atrest.scanner.aws.AwsErrors;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Organization;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The organization walk could not finish: {@code operation} failed past every retry, or was
 * denied. {@code organization} is what was read before it (null when nothing was).
 */
public final class OrganizationUnreadable extends RuntimeException {
    private final String operation;
    private final transient Organization organization;

    OrganizationUnreadable(String operation, Organization organization, SdkException cause) {
        super("organizations:" + operation + " " + AwsErrors.errorCode(cause) + ": " + firstLine(cause.getMessage()), cause);
        this.operation = operation;
        this.organization = organization;
    }

    public String operation() {
        return operation;
    }

    /** What was read before the failure, or null. */
    Organization organization() {
        return organization;
    }

    @Override
    public synchronized SdkException getCause() {
        return (SdkException) super.getCause();
    }

    boolean denied() {
        return AwsErrors.reason(getCause()) == ErrorReason.ACCESS_DENIED;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n", 2)[0];
    }
}
