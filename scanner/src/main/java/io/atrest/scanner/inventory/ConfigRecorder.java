package io.atrest.scanner.inventory;

/**
 * An AWS Config configuration recorder of one region.
 *
 * @param allSupported whether it records every supported resource type
 * @param recording whether it is recording now
 */
public record ConfigRecorder(String accountId, String region, String name, boolean allSupported, Observed<Boolean> recording) {}
