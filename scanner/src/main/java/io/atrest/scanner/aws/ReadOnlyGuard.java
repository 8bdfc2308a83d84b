package io.atrest.scanner.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK interceptor on every client atrest builds: any operation not on the
 * {@link ReadOnlyAllowlist} fails here, before a byte is sent. Read-only by construction, not
 * by the good behaviour of each collector.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!ReadOnlyAllowlist.allows(service, operation)) {
            throw new ReadOnlyViolation(service, operation);
        }
    }
}
