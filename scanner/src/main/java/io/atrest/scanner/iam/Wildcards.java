package io.atrest.scanner.iam;

import java.util.Locale;

/** IAM's wildcard matching: '*' any run of characters, '?' one character, case-insensitive for actions. */
final class Wildcards {
    private Wildcards() {}

    static boolean matches(String pattern, String value) {
        return match(pattern.toLowerCase(Locale.ROOT), 0, value.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean match(String p, int pi, String v, int vi) {
        // Iterative with backtracking on the last '*': linear for IAM-sized inputs, no recursion depth.
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
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
}
