package io.atrest.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A filter value the stored history does not know is a typo, not an empty answer: exit 2 with
 * the closest known values ("did you mean Root/Production?").
 */
final class KnownFilter {
    private KnownFilter() {}

    /**
     * The known value {@code value} names (compared ignoring case, returned as stored); null for
     * null. Otherwise a {@link UserError} with the closest known values.
     */
    static String require(String option, String value, String what, Collection<String> known) {
        if (value == null) {
            return null;
        }
        for (String k : known) {
            if (k.equalsIgnoreCase(value)) {
                return k;
            }
        }
        List<String> close = closest(value, known);
        String hint = !close.isEmpty() ? "; did you mean " + String.join(" or ", close) + "?"
                : known.isEmpty() ? "; the history holds none yet"
                : "; known: " + String.join(", ", known.stream().limit(8).toList()) + (known.size() > 8 ? ", ..." : "");
        throw new UserError(option + ": '" + value + "' is not " + what + " in the stored history" + hint);
    }

    /** Every OU path a {@code --ou} may name: each stored path and every path above it (Root/Workloads of Root/Workloads/Prod). */
    static Set<String> ouPathsAndParents(Collection<String> paths) {
        Set<String> all = new LinkedHashSet<>();
        for (String path : paths) {
            String[] parts = path.split("/");
            StringBuilder prefix = new StringBuilder();
            for (String part : parts) {
                prefix.append(prefix.isEmpty() ? "" : "/").append(part);
                all.add(prefix.toString());
            }
        }
        return all;
    }

    /**
     * The known values a typo most likely meant, at most three: a path whose last part is the value
     * ("Production" for Root/Production), one that contains it, or one a few edits away.
     */
    static List<String> closest(String value, Collection<String> known) {
        String v = value.toLowerCase(Locale.ROOT);
        List<String> lastPart = known.stream().filter(k -> k.toLowerCase(Locale.ROOT).endsWith("/" + v)).limit(3).toList();
        if (!lastPart.isEmpty()) {
            return lastPart;
        }
        int budget = Math.max(2, v.length() / 3);
        record Near(String value, int edits) {}
        List<String> near = new ArrayList<>(known.stream()
                .map(k -> new Near(k, distance(v, k.toLowerCase(Locale.ROOT))))
                .filter(n -> n.edits() <= budget)
                .sorted(Comparator.comparingInt(Near::edits))
                .limit(3)
                .map(Near::value)
                .toList());
        if (near.isEmpty() && v.length() >= 3) {
            known.stream().filter(k -> k.toLowerCase(Locale.ROOT).contains(v)).limit(3).forEach(near::add);
        }
        return near;
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
