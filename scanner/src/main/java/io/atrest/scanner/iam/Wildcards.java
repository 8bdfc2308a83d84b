package io.atrest.scanner.iam;


/** IAM's wildcard matching: '*' any run of characters, '?' one character, case-insensitive for actions. */
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
        return match(pattern, 0, value, 0);
    }

    private static boolean match(String p, int pi, String v, int vi) {
        // Iterative with backtracking on the last '*': linear for IAM-sized inputs, no recursion depth.
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || same(p.charAt(pi), v.charAt(vi)))) {
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

    private static boolean same(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
