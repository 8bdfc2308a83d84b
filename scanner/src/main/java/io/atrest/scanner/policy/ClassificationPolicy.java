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
        boolean inheritFromAccount) {

    public ClassificationPolicy {
        tagKeys = List.copyOf(tagKeys);
        levels = List.copyOf(levels);
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
     * restricted. Untagged data is treated as internal, and reported as unclassified.
     */
    public static ClassificationPolicy defaults() {
        return new ClassificationPolicy(
                List.of("DataClassification"),
                List.of(
                        new Level("public", KeyTier.PROVIDER_OWNED, Severity.LOW, false, false, false),
                        new Level("internal", KeyTier.PROVIDER_OWNED, Severity.MEDIUM, false, false, true),
                        new Level("confidential", KeyTier.KMS_AWS_MANAGED, Severity.HIGH, true, false, true),
                        new Level("restricted", KeyTier.KMS_CUSTOMER_MANAGED, Severity.HIGH, true, true, true)),
                "internal",
                true);
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
        return new Classification(level(untaggedLevel).orElseThrow(), ClassificationSource.POLICY_DEFAULT, rejected);
    }

    private Optional<String> tagValue(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Optional.empty();
        }
        for (String key : tagKeys) {
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (tag.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                    return Optional.ofNullable(tag.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
