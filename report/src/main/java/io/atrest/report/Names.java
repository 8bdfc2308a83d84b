package io.atrest.report;

/**
 * How reports show names that are too long for their column: OU paths shortened from the left,
 * whole segments only, so the leaf that names the place is kept and no word is cut. (Print layout
 * breaks lines at spaces and hyphens only; a path is one long word to it, hence the shortening.)
 */
public final class Names {
    /** The mark a shortened path begins with. */
    public static final String ELLIPSIS = "\u2026";

    private Names() {}

    /**
     * An OU path of at most {@code max} characters, keeping whole trailing segments:
     * "Root/Workloads/Prod/Marketing" at 20 is "…/Prod/Marketing". A leaf longer than {@code max}
     * is kept whole: a name is never cut.
     */
    public static String shortPath(String path, int max) {
        if (path == null || path.length() <= max) {
            return path;
        }
        String[] segments = path.split("/");
        StringBuilder kept = new StringBuilder(segments[segments.length - 1]);
        for (int i = segments.length - 2; i >= 0; i--) {
            if (ELLIPSIS.length() + 1 + segments[i].length() + 1 + kept.length() > max) {
                break;
            }
            kept.insert(0, segments[i] + "/");
        }
        return ELLIPSIS + "/" + kept;
    }

    /** An OU path as reports print it: "(root)" for an account directly under the root. */
    public static String ouPath(String path) {
        return path == null || path.isEmpty() ? "(root)" : path;
    }

    /** The last segment of an ARN's resource part: a key's id, a volume's id. */
    public static String lastSegment(String arn) {
        if (arn == null) {
            return "";
        }
        int cut = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
        return cut < 0 ? arn : arn.substring(cut + 1);
    }
}
