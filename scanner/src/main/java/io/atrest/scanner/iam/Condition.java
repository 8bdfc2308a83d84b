package io.atrest.scanner.iam;

import java.util.List;
import java.util.Locale;

/**
 * One condition test: {@code "StringEquals": {"aws:SourceVpce": ["vpce-1"]}}.
 *
 * @param operator as written, e.g. "ForAnyValue:StringLikeIfExists"
 * @param key the condition key, lower-cased (IAM compares them case-insensitively)
 */
public record Condition(String operator, String key, List<String> values) {

    public Condition {
        key = key.toLowerCase(Locale.ROOT);
        values = List.copyOf(values);
    }

    /** The operator without set prefix and IfExists suffix: "StringLike". */
    public String baseOperator() {
        String op = operator;
        int colon = op.indexOf(':');
        if (colon >= 0) {
            op = op.substring(colon + 1);
        }
        return op.endsWith("IfExists") ? op.substring(0, op.length() - "IfExists".length()) : op;
    }

    public boolean ifExists() {
        return operator.endsWith("IfExists");
    }

    /** A test that passes when the key does NOT match its values. */
    public boolean negativeMatch() {
        return switch (baseOperator()) {
            case "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals", "ArnNotLike", "NotIpAddress",
                 "NumericNotEquals", "DateNotEquals" -> true;
            default -> false;
        };
    }

}
