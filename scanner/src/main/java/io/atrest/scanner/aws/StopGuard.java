package io.atrest.scanner.aws;

import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Once the scan is asked to stop (Ctrl-C, SIGTERM), no new call is sent: each is refused before
 * it starts, as a client-side failure its collector records like any other. Checked once per
 * call, before its retries, so a refused call is never retried.
 */
final class StopGuard implements ExecutionInterceptor {
    static final String MESSAGE = "not sent: the scan was asked to stop";

    private final BooleanSupplier stop;

    StopGuard(BooleanSupplier stop) {
        this.stop = stop;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (stop.getAsBoolean()) {
            throw SdkClientException.create(MESSAGE);
        }
    }
}
