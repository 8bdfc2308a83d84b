package io.atrest.scanner.check;

import java.util.Objects;

/**
 * How a fix's CLI command names a resource of one type: which placeholder stands for it
 * ("&lt;bucket&gt;") and which form of its identity fills it, so a report can print each resource's
 * command ready to run. A kind of store declares its own in its descriptor; the types that are not
 * stores are declared in {@code io.atrest.scanner.stores.CliNames}.
 */
public record CliName(String placeholder, Form form) {
    /** Which form of a resource's identity a command takes. */
    public enum Form {
        /** Its name ("acme-ledger"), or its id when it has no name. */
        NAME,
        /** The last segment of its ARN ("vol-0123", a key's id). */
        ID,
        /** Its whole ARN. */
        ARN,
        /** An SQS queue's URL, built from its region, account and name. */
        QUEUE_URL
    }

    public CliName {
        Objects.requireNonNull(form, "form");
        if (placeholder == null || !placeholder.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a placeholder is written without its brackets, as in <bucket>: " + placeholder);
        }
    }

    public static CliName of(String placeholder, Form form) {
        return new CliName(placeholder, form);
    }
}
