package io.atrest.scanner.iam;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates a condition against a request the way IAM does (the "Condition operators" page of
 * the IAM User Guide), the one place every policy-reading check asks it:
 *
 * <ul>
 *   <li>A key not present in the request makes the condition false, except for negated operators
 *       ({@code StringNotEquals}, {@code ArnNotLike}, {@code NotIpAddress}, ...), which are then
 *       true, and operators ending in {@code IfExists}, which are then true.</li>
 *   <li>{@code Null} tests presence: "true" holds when the key is absent, "false" when present.</li>
 *   <li>{@code ForAllValues:} holds for an absent (empty) key; {@code ForAnyValue:} does not.</li>
 *   <li>Several values of one condition are alternatives (OR); a negated operator holds when none
 *       of them matches.</li>
 *   <li>{@code StringLike} and {@code ArnLike} match '*' and '?' case-sensitively; ARNs are
 *       matched component by component.</li>
 * </ul>
 *
 * A key the request context does not model, and a value with a policy variable ({@code ${...}}),
 * give {@link Truth#UNKNOWN}: the check decides what an unknown means for it.
 */
public final class ConditionEvaluator {

    /** Three-valued: a condition holds, does not, or depends on what the check did not model. */
    public enum Truth {
        TRUE, FALSE, UNKNOWN;

        static Truth of(boolean value) {
            return value ? TRUE : FALSE;
        }

        Truth and(Truth other) {
            if (this == FALSE || other == FALSE) {
                return FALSE;
            }
            return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
        }

        Truth or(Truth other) {
            if (this == TRUE || other == TRUE) {
                return TRUE;
            }
            return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
        }

        Truth not() {
            return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
        }
    }

    private ConditionEvaluator() {}

    /** Every condition of the statement together (AND), against {@code request}. */
    public static Truth evaluate(List<Condition> conditions, RequestContext request) {
        Truth all = Truth.TRUE;
        for (Condition c : conditions) {
            all = all.and(evaluate(c, request));
            if (all == Truth.FALSE) {
                return all;
            }
        }
        return all;
    }

    public static Truth evaluate(Condition condition, RequestContext request) {
        if (!request.knows(condition.key())) {
            return Truth.UNKNOWN;
        }
        List<String> present = request.values(condition.key());
        String base = condition.baseOperator();
        if (base.equals("Null")) {
            Truth wantsAbsent = Truth.FALSE;
            for (String v : condition.values()) {
                wantsAbsent = wantsAbsent.or(Truth.of(present.isEmpty() == v.equalsIgnoreCase("true")));
            }
            return wantsAbsent;
        }
        Optional<Operator> operator = Operator.of(base);
        if (operator.isEmpty()) {
            return Truth.UNKNOWN; // AWS rejects unknown operators when a policy is saved; nothing to read here
        }
        String prefix = setPrefix(condition.operator());
        if (present.isEmpty()) {
            if (condition.ifExists()) {
                return Truth.TRUE;
            }
            if (prefix.equals("ForAllValues")) {
                return Truth.TRUE; // vacuously: every one of no values matches
            }
            if (prefix.equals("ForAnyValue")) {
                return Truth.FALSE;
            }
            return Truth.of(operator.get().negated);
        }
        if (prefix.equals("ForAllValues")) {
            Truth every = Truth.TRUE;
            for (String value : present) {
                every = every.and(one(operator.get(), condition.values(), value));
            }
            return every;
        }
        // ForAnyValue, and a single-valued key (any of its values, as it has one)
        Truth any = Truth.FALSE;
        for (String value : present) {
            any = any.or(one(operator.get(), condition.values(), value));
        }
        return any;
    }

    /** One request value against the condition's values: any matches, or for a negated operator, none does. */
    private static Truth one(Operator operator, List<String> policyValues, String requestValue) {
        Truth matched = Truth.FALSE;
        for (String policyValue : policyValues) {
            matched = matched.or(policyValue.contains("${") ? Truth.UNKNOWN
                    : Truth.of(operator.matches(policyValue, requestValue)));
        }
        return operator.negated ? matched.not() : matched;
    }

    private static String setPrefix(String operator) {
        int colon = operator.indexOf(':');
        return colon < 0 ? "" : operator.substring(0, colon);
    }

    /** The comparison behind each operator; negated operators share their positive twin's. */
    private enum Operator {
        STRING_EQUALS(false), STRING_NOT_EQUALS(true), STRING_EQUALS_IGNORE_CASE(false), STRING_NOT_EQUALS_IGNORE_CASE(true),
        STRING_LIKE(false), STRING_NOT_LIKE(true),
        NUMERIC_EQUALS(false), NUMERIC_NOT_EQUALS(true), NUMERIC_LESS_THAN(false), NUMERIC_LESS_THAN_EQUALS(false),
        NUMERIC_GREATER_THAN(false), NUMERIC_GREATER_THAN_EQUALS(false),
        DATE_EQUALS(false), DATE_NOT_EQUALS(true), DATE_LESS_THAN(false), DATE_LESS_THAN_EQUALS(false),
        DATE_GREATER_THAN(false), DATE_GREATER_THAN_EQUALS(false),
        BOOL(false), BINARY_EQUALS(false), IP_ADDRESS(false), NOT_IP_ADDRESS(true),
        ARN_EQUALS(false), ARN_LIKE(false), ARN_NOT_EQUALS(true), ARN_NOT_LIKE(true);

        final boolean negated;

        Operator(boolean negated) {
            this.negated = negated;
        }

        static Optional<Operator> of(String name) {
            return Optional.ofNullable(switch (name) {
                case "StringEquals" -> STRING_EQUALS;
                case "StringNotEquals" -> STRING_NOT_EQUALS;
                case "StringEqualsIgnoreCase" -> STRING_EQUALS_IGNORE_CASE;
                case "StringNotEqualsIgnoreCase" -> STRING_NOT_EQUALS_IGNORE_CASE;
                case "StringLike" -> STRING_LIKE;
                case "StringNotLike" -> STRING_NOT_LIKE;
                case "NumericEquals" -> NUMERIC_EQUALS;
                case "NumericNotEquals" -> NUMERIC_NOT_EQUALS;
                case "NumericLessThan" -> NUMERIC_LESS_THAN;
                case "NumericLessThanEquals" -> NUMERIC_LESS_THAN_EQUALS;
                case "NumericGreaterThan" -> NUMERIC_GREATER_THAN;
                case "NumericGreaterThanEquals" -> NUMERIC_GREATER_THAN_EQUALS;
                case "DateEquals" -> DATE_EQUALS;
                case "DateNotEquals" -> DATE_NOT_EQUALS;
                case "DateLessThan" -> DATE_LESS_THAN;
                case "DateLessThanEquals" -> DATE_LESS_THAN_EQUALS;
                case "DateGreaterThan" -> DATE_GREATER_THAN;
                case "DateGreaterThanEquals" -> DATE_GREATER_THAN_EQUALS;
                case "Bool" -> BOOL;
                case "BinaryEquals" -> BINARY_EQUALS;
                case "IpAddress" -> IP_ADDRESS;
                case "NotIpAddress" -> NOT_IP_ADDRESS;
                case "ArnEquals" -> ARN_EQUALS;
                case "ArnLike" -> ARN_LIKE;
                case "ArnNotEquals" -> ARN_NOT_EQUALS;
                case "ArnNotLike" -> ARN_NOT_LIKE;
                default -> null;
            });
        }

        /** The positive comparison: whether {@code requestValue} matches {@code policyValue}. */
        boolean matches(String policyValue, String requestValue) {
            return switch (this) {
                case STRING_EQUALS, STRING_NOT_EQUALS, BINARY_EQUALS -> policyValue.equals(requestValue);
                case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> policyValue.equalsIgnoreCase(requestValue);
                case STRING_LIKE, STRING_NOT_LIKE -> Wildcards.matchesCaseSensitive(policyValue, requestValue);
                case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> compareNumbers(requestValue, policyValue) == 0;
                case NUMERIC_LESS_THAN -> compareNumbers(requestValue, policyValue) < 0;
                case NUMERIC_LESS_THAN_EQUALS -> inRange(compareNumbers(requestValue, policyValue), 0);
                case NUMERIC_GREATER_THAN -> compareNumbers(requestValue, policyValue) == 1;
                case NUMERIC_GREATER_THAN_EQUALS -> atLeast(compareNumbers(requestValue, policyValue));
                case DATE_EQUALS, DATE_NOT_EQUALS -> compareDates(requestValue, policyValue) == 0;
                case DATE_LESS_THAN -> compareDates(requestValue, policyValue) < 0;
                case DATE_LESS_THAN_EQUALS -> inRange(compareDates(requestValue, policyValue), 0);
                case DATE_GREATER_THAN -> compareDates(requestValue, policyValue) == 1;
                case DATE_GREATER_THAN_EQUALS -> atLeast(compareDates(requestValue, policyValue));
                case BOOL -> policyValue.equalsIgnoreCase(requestValue);
                case IP_ADDRESS, NOT_IP_ADDRESS -> inCidr(requestValue, policyValue);
                case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> arnMatches(policyValue, requestValue);
            };
        }

        /** A comparison of -1 or 0; UNCOMPARABLE (2) fails every ordering. */
        private static boolean inRange(int comparison, int upTo) {
            return comparison != UNCOMPARABLE && comparison <= upTo;
        }

        private static boolean atLeast(int comparison) {
            return comparison == 0 || comparison == 1;
        }
    }

    /** What a comparison of unparseable values gives: no ordering operator holds. */
    private static final int UNCOMPARABLE = 2;

    private static int compareNumbers(String request, String policy) {
        try {
            return Integer.signum(new java.math.BigDecimal(request.trim()).compareTo(new java.math.BigDecimal(policy.trim())));
        } catch (NumberFormatException e) {
            return UNCOMPARABLE;
        }
    }

    private static int compareDates(String request, String policy) {
        Instant a = instant(request);
        Instant b = instant(policy);
        return a == null || b == null ? UNCOMPARABLE : Integer.signum(a.compareTo(b));
    }

    /** ISO 8601 (with or without offset, or a bare date) or epoch seconds, as IAM accepts dates. */
    private static Instant instant(String text) {
        String t = text.trim();
        try {
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** ARNs compared component by component (partition, service, region, account, resource), wildcards within each. */
    private static boolean arnMatches(String pattern, String arn) {
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length != a.length) {
            return p.length == 1 && Wildcards.matchesCaseSensitive(pattern, arn); // "*"
        }
        for (int i = 0; i < p.length; i++) {
            if (!Wildcards.matchesCaseSensitive(p[i], a[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether an IP address lies in a CIDR block ("203.0.113.0/24", "2001:db8::/32", or one address). */
    static boolean inCidr(String address, String cidr) {
        int slash = cidr.indexOf('/');
        byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        byte[] ip = literal(address);
        if (network == null || ip == null || network.length != ip.length) {
            return false;
        }
        int bits = network.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            if (bits < 0 || bits > network.length * 8) {
                return false;
            }
        }
        if (bits == 0) {
            return true;
        }
        int total = network.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE).shiftRight(total - bits).shiftLeft(total - bits);
        return new BigInteger(1, network).and(mask).equals(new BigInteger(1, ip).and(mask));
    }

    private static boolean isIpv4(String t) {
        String[] octets = t.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit) || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IPv4 or IPv6 literal; null for anything else (never a name lookup). */
    private static byte[] literal(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        boolean v4 = isIpv4(t);
        boolean v6 = t.indexOf(':') >= 0 && t.chars().allMatch(c -> c == ':' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress(); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
