package io.atrest.pipeline;

import io.atrest.scanner.org.OrganizationScanner;
import java.util.function.Function;

/**
 * Where a run's {@link OrganizationScanner} comes from: live AWS ({@link AwsScanners}), or the
 * in-process fakes of the tests and benchmarks.
 */
@FunctionalInterface
public interface Scanners {
    /** Runs {@code work} on a scanner of the organization whose calls stop once {@code stop} is asked. */
    <T> T with(Stop stop, Function<OrganizationScanner, T> work);
}
