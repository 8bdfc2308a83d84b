package io.atrest.scanner.policy;

import java.util.List;

/** A policy file with errors; each names its line and column. */
public final class PolicyFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> errors;

    public PolicyFileException(String source, List<String> errors) {
        super(source + ": " + errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        this.errors = List.copyOf(errors);
    }

    /** Every error, "line 12, column 5: ..." */
    public List<String> errors() {
        return errors;
    }
}
