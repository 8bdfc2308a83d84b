package io.atrest.scanner.policy;

/**
 * A store's classification level and how it was decided.
 *
 * @param rejectedValue a tag value that named no level, else null
 */
public record Classification(Level level, ClassificationSource source, String rejectedValue) {}
