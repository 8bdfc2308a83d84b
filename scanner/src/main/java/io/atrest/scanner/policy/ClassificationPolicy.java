package io.atrest.scanner.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which protection each classification level demands, and how a store's level is found.
 *
 * @param tagKeys tag keys that carry the classification, first match wins, compared case-insensitively
 * @param levels from least to most sensitive
 * @param untaggedLevel the level assumed for a store with no usable tag
 * @param inheritFromAccount whether an account's classification tag applies to its untagged stores
 */
public record ClassificationPolicy(
        List<String> tagKeys,
        List<Level> levels,
        String untaggedLevel,
        boolean inheritFromAccount,
        Map<String, String> ouLevels,
        Map<Severity, Integer> weights,
        int importedMaterialWarningDays,
        List<Exemption> exemptions) {

    public ClassificationPolicy(List<String> tagKeys, List<Level> levels, String untaggedLevel, boolean inheritFromAccount) {
        this(tagKeys, levels, untaggedLevel, inheritFromAccount, Map.of(), defaultWeights(), 30, List.of());
    }

    public ClassificationPolicy {
        tagKeys = List.copyOf(tagKeys);
        levels = List.copyOf(levels);
        ouLevels = ouLevels == null ? Map.of() : Map.copyOf(ouLevels);
        weights = weights == null ? defaultWeights() : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(weights));
        exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a policy needs at least one classification level");
        }
        Objects.requireNonNull(untaggedLevel, "untaggedLevel");
        if (levels.stream().noneMatch(l -> l.name().equalsIgnoreCase(untaggedLevel))) {
            throw new IllegalArgumentException("untagged level '" + untaggedLevel + "' is not one of the levels");
        }
    }

    /**
     * The built-in policy: tag {@code DataClassification}; public, internal, confidential,
     * restricted. Untagged data is treated as internal, and reported as unclassified. The same
     * policy, commented, is what {@code atrest policy init} writes.
     */
    public static ClassificationPolicy defaults() {
        return PolicyFile.defaults();
    }

    static Map<Severity, Integer> defaultWeights() {
        Map<Severity, Integer> weights = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            weights.put(s, s.defaultWeight());
        }
        return weights;
    }

    /** The most sensitive level, for checks that judge a whole account. */
    public Level highestLevel() {
        return levels.get(levels.size() - 1);
    }

    /** The level's position, least sensitive first. */
    public int rank(Level level) {
        return levels.indexOf(level);
    }

    public Optional<Level> level(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim();
        return levels.stream().filter(l -> l.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /**
     * Classifies a store from its own tags, else its account's tags, else the policy default.
     * A tag whose value names no level is remembered, so that a typo is reported, not ignored.
     */
    public Classification classify(Map<String, String> resourceTags, Map<String, String> accountTags) {
        return classify(resourceTags, accountTags, List.of());
    }

    /** As {@link #classify(Map, Map)}, and when neither carries a level, the deepest OU the policy names. */
    public Classification classify(Map<String, String> resourceTags, Map<String, String> accountTags, List<String> ouPath) {
        Optional<String> own = tagValue(resourceTags);
        if (own.isPresent()) {
            Optional<Level> level = level(own.get());
            if (level.isPresent()) {
                return new Classification(level.get(), ClassificationSource.RESOURCE_TAG, null);
            }
        }
        String rejected = own.orElse(null);
        if (inheritFromAccount) {
            Optional<Level> inherited = tagValue(accountTags).flatMap(this::level);
            if (inherited.isPresent()) {
                return new Classification(inherited.get(), ClassificationSource.ACCOUNT_TAG, rejected);
            }
        }
        for (int i = ouPath.size() - 1; i >= 0; i--) {
            String ou = ouPath.get(i);
            Optional<Level> byOu = ouLevels.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(ou))
                    .findFirst().flatMap(e -> level(e.getValue()));
            if (byOu.isPresent()) {
                return new Classification(byOu.get(), ClassificationSource.OU, rejected);
            }
        }
        return new Classification(level(untaggedLevel).orElseThrow(), ClassificationSource.POLICY_DEFAULT, rejected);
    }

    private Optional<String> tagValue(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Optional.empty();
        }
        for (String key : tagKeys) {
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (tag.getKey().equalsIgnoreCase(key)) {
                    return Optional.ofNullable(tag.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
