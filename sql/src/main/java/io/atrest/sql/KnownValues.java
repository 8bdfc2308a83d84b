package io.atrest.sql;

import java.util.List;

/**
 * What the stored history knows, for telling a typo in a filter from a value with no findings:
 * every account and OU path ever stored, every classification and check ever counted.
 */
public record KnownValues(List<String> accounts, List<String> ouPaths, List<String> classifications, List<String> checks) {

    public KnownValues {
        accounts = List.copyOf(accounts);
        ouPaths = List.copyOf(ouPaths);
        classifications = List.copyOf(classifications);
        checks = List.copyOf(checks);
    }
}
