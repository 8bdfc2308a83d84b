package io.atrest.scanner.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The guard of the publishing client, the only one that may write: it allows exactly Security
 * Hub's BatchImportFindings, and refuses every other operation, reads included, before a byte is
 * sent. Scanning clients carry {@link ReadOnlyGuard}, which refuses it.
 */
public final class PublishGuard implements ExecutionInterceptor {
    /** The one write, as the SDK names it, and as IAM does. */
    public static final String SERVICE = "SecurityHub";
    public static final String OPERATION = "BatchImportFindings";
    public static final String IAM_ACTION = "securityhub:BatchImportFindings";

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!SERVICE.equals(service) || !OPERATION.equals(operation)) {
            throw new ReadOnlyViolation(service, operation, "the publishing client sends " + IAM_ACTION + " and nothing else");
        }
    }
}
