package io.atrest.scanner.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resources a check needs a statement to cover: every object a bucket can hold, or one
 * resource (a key, a queue). A statement covers the scope when its {@code Resource} patterns
 * match all of it, or its {@code NotResource} patterns match none of it, wildcards matched as IAM
 * matches ARNs.
 */
public final class ResourceScope {
    private final String prefix;
    private final boolean everyContinuation;
    private final String description;

    private ResourceScope(String prefix, boolean everyContinuation, String description) {
        this.prefix = prefix;
        this.everyContinuation = everyContinuation;
        this.description = description;
    }

    /** Every object of the bucket: {@code arn:aws:s3:::bucket/} followed by any key. */
    public static ResourceScope objectsOf(String bucketArn) {
        return new ResourceScope(bucketArn + "/", true, "every object of " + bucketArn);
    }

    /** One resource by its ARN. */
    public static ResourceScope exactly(String arn) {
        return new ResourceScope(arn, false, arn);
    }

    /** Empty when {@code statement} covers the whole scope; else what it leaves out, for evidence. */
    public Optional<String> gap(Statement statement) {
        List<String> matching = new ArrayList<>();
        for (String pattern : statement.resources()) {
            if (statement.notResource() ? touches(pattern) : covers(pattern)) {
                matching.add(pattern);
            }
        }
        if (statement.notResource()) {
            return matching.isEmpty() ? Optional.empty()
                    : Optional.of(sid(statement) + " leaves out " + String.join(", ", matching) + " (NotResource)");
        }
        return !matching.isEmpty() ? Optional.empty()
                : Optional.of(sid(statement) + " covers only " + String.join(", ", statement.resources()) + ", not " + description);
    }

    private boolean covers(String pattern) {
        return everyContinuation ? Wildcards.coversEveryContinuation(pattern, prefix) : Wildcards.matchesCaseSensitive(pattern, prefix);
    }

    private boolean touches(String pattern) {
        return everyContinuation ? Wildcards.matchesSomeContinuation(pattern, prefix) : Wildcards.matchesCaseSensitive(pattern, prefix);
    }

    static String sid(Statement statement) {
        return statement.label();
    }

    @Override
    public String toString() {
        return description;
    }
}
