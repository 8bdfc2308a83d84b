package io.atrest.sql;

/**
 * What a trend is about: the whole organization, one account, an OU (and everything below it)
 * or one classification level.
 */
public record TrendScope(String accountId, String ouPath, String classification) {

    public static TrendScope organization() {
        return new TrendScope(null, null, null);
    }

    public static TrendScope account(String accountId) {
        return new TrendScope(accountId, null, null);
    }

    /** "Root/Prod": the OU and every OU under it. */
    public static TrendScope ou(String ouPath) {
        return new TrendScope(null, ouPath, null);
    }

    public static TrendScope classification(String level) {
        return new TrendScope(null, null, level);
    }
}
