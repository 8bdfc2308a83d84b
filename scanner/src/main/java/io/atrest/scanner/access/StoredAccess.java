package io.atrest.scanner.access;

import io.atrest.scanner.access.KeyAccessor.Reach;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a key's access matrix is kept in history, as one attribute per capability: the principals,
 * comma-separated, each marked " (conditional)" when it is, so that "who could decrypt this key
 * last March" has an answer. A list longer than {@link #MAX_CHARS} keeps its first principals and
 * says how many it left out: history rows have a size limit, and a saved inventory holds them all.
 */
public final class StoredAccess {
    /** The longest list kept: three of them stay well inside a history row. */
    public static final int MAX_CHARS = 8_000;
    private static final String CONDITIONAL = " (conditional)";
    private static final String MORE = "... (+";

    /** One principal as stored. */
    public record Entry(String principal, boolean conditional) {

        /** Who the principal is, read from its ARN: what the stored list keeps of the matrix's kinds. */
        public KeyAccessor.Kind kind(String keyAccountId) {
            if (principal.equals("*")) {
                return KeyAccessor.Kind.ANYONE;
            }
            if (!principal.startsWith("arn:")) {
                return principal.endsWith(".amazonaws.com") ? KeyAccessor.Kind.SERVICE : KeyAccessor.Kind.EXTERNAL;
            }
            String[] parts = principal.split(":", 6);
            if (parts.length < 6 || !parts[4].equals(keyAccountId)) {
                return KeyAccessor.Kind.EXTERNAL;
            }
            return parts[5].equals("root") ? KeyAccessor.Kind.ACCOUNT_ROOT
                    : parts[5].startsWith("user/") ? KeyAccessor.Kind.USER : KeyAccessor.Kind.ROLE;
        }
    }

    /** A stored list read back, and how many principals it left out. */
    public record Stored(List<Entry> entries, int leftOut) {}

    private StoredAccess() {}

    /** The principals with one capability, as stored. */
    public static String encode(List<KeyAccessor> accessors) {
        Set<String> written = new LinkedHashSet<>();
        for (KeyAccessor a : accessors) {
            written.add(a.principal() + (a.reach() == Reach.CONDITIONAL ? CONDITIONAL : ""));
        }
        StringBuilder text = new StringBuilder();
        int kept = 0;
        for (String entry : written) {
            if (text.length() + entry.length() + 2 > MAX_CHARS) {
                break;
            }
            text.append(text.isEmpty() ? "" : ", ").append(entry);
            kept++;
        }
        return kept < written.size() ? text + (text.isEmpty() ? "" : ", ") + MORE + (written.size() - kept) + ")" : text.toString();
    }

    public static Stored decode(String text) {
        List<Entry> entries = new ArrayList<>();
        int leftOut = 0;
        if (text == null || text.isBlank()) {
            return new Stored(entries, 0);
        }
        for (String part : text.split(", ")) {
            if (part.startsWith(MORE)) {
                leftOut = Integer.parseInt(part.substring(MORE.length(), part.length() - 1));
            } else if (part.endsWith(CONDITIONAL)) {
                entries.add(new Entry(part.substring(0, part.length() - CONDITIONAL.length()), true));
            } else {
                entries.add(new Entry(part, false));
            }
        }
        return new Stored(entries, leftOut);
    }
}
