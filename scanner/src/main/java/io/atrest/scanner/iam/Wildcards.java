package io.atrest.scanner.iam;


/**
 * IAM's wildcard matching: '*' any run of characters, '?' one character. Actions and resources'
 * service prefixes are matched ignoring case; condition values ({@code StringLike}) with case.
 */
final class Wildcards {
    private Wildcards() {}

    static boolean matches(String pattern, String value) {
        // Compared char by char, ignoring case: lower-casing both strings allocated on every call,
        // and policies are matched thousands of times per scan.
        if (pattern.length() == 1 && pattern.charAt(0) == '*') {
            return true;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equalsIgnoreCase(value);
        }
        return match(pattern, value, true);
    }

    static boolean matchesCaseSensitive(String pattern, String value) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equals(value);
        }
        return match(pattern, value, false);
    }

    private static boolean match(String p, String v, boolean ignoreCase) {
        int pi = 0;
        int vi = 0;
        // Iterative with backtracking on the last '*': linear for IAM-sized inputs, no recursion depth.
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            // '*' first: a literal '*' in the value must not be taken for the pattern's wildcard.
            if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi)
                    || ignoreCase && same(p.charAt(pi), v.charAt(vi)))) {
                pi++;
                vi++;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /**
     * Whether {@code pattern} matches {@code prefix} followed by any non-empty string: a Resource
     * that covers every object of a bucket ("bucket/*", "bucket*", "*"), case-sensitively.
     */
    static boolean coversEveryContinuation(String pattern, String prefix) {
        java.util.BitSet states = step(closure(pattern, single(0)), pattern, prefix);
        states = closure(pattern, advance(pattern, states, FRESH)); // one character no literal matches
        for (int i = states.nextSetBit(0); i >= 0; i = states.nextSetBit(i + 1)) {
            if (i < pattern.length() && onlyStars(pattern, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code pattern} matches {@code prefix} followed by some non-empty string, case-sensitively. */
    static boolean matchesSomeContinuation(String pattern, String prefix) {
        java.util.BitSet states = step(closure(pattern, single(0)), pattern, prefix);
        int first = states.nextSetBit(0); // any state with pattern left matches some non-empty string
        return first >= 0 && first < pattern.length();
    }

    /** A character that appears in no ARN pattern, so only '?' and '*' consume it. */
    private static final char FRESH = '\u0000';

    private static java.util.BitSet single(int state) {
        java.util.BitSet set = new java.util.BitSet();
        set.set(state);
        return set;
    }

    private static java.util.BitSet step(java.util.BitSet states, String pattern, String text) {
        for (int i = 0; i < text.length() && !states.isEmpty(); i++) {
            states = closure(pattern, advance(pattern, states, text.charAt(i)));
        }
        return states;
    }

    private static java.util.BitSet advance(String pattern, java.util.BitSet states, char c) {
        java.util.BitSet next = new java.util.BitSet();
        for (int i = states.nextSetBit(0); i >= 0 && i < pattern.length(); i = states.nextSetBit(i + 1)) {
            char p = pattern.charAt(i);
            if (p == '*') {
                next.set(i);
            } else if (p == '?' || p == c && c != FRESH) {
                next.set(i + 1);
            }
        }
        return next;
    }

    /** A '*' may match nothing: its state also stands for the one after it. */
    private static java.util.BitSet closure(String pattern, java.util.BitSet states) {
        for (int i = states.nextSetBit(0); i >= 0 && i < pattern.length(); i = states.nextSetBit(i + 1)) {
            if (pattern.charAt(i) == '*') {
                states.set(i + 1);
            }
        }
        return states;
    }

    private static boolean onlyStars(String pattern, int from) {
        for (int i = from; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    private static boolean same(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
