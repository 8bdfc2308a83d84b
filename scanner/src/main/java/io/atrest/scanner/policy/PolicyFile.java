package io.atrest.scanner.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the classification policy from YAML, checking every element: unknown keys, wrong types,
 * unknown levels, tiers, severities and checks, duplicate names, missing exemption reasons or
 * dates. Every error names its line and column; all of them are reported at once.
 */
public final class PolicyFile {
    private static final String DEFAULT_RESOURCE = "default-policy.yaml";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern NETWORK = Pattern.compile("vpce?-[0-9a-f]{8,17}");
    private static final Set<String> TOP = Set.of("version", "classification", "levels", "weights",
            "importedMaterialWarningDays", "exemptions");
    private static final Set<String> CLASSIFICATION = Set.of("tagKeys", "untagged", "inheritFromAccount", "ouLevels");
    private static final Set<String> LEVEL = Set.of("name", "minimumKeyTier", "keyTierSeverity", "blockPublicAccess",
            "versioning", "mfaDelete", "encryptionPolicy", "dedicatedKey", "mfaKeyAdministration", "vpcEndpointOnly",
            "allowedNetworks", "viaService", "pointInTimeRecovery", "deletionProtection", "backups", "publicAccess", "kmsEndpoint",
            "leastPrivilegeKeyAccess", "maxDecryptPrincipals", "decryptByRolesOnly", "separateKeyAdministration");
    private static final Set<String> EXEMPTION = Set.of("arn", "tag", "checks", "reason", "expires");

    private final String source;
    private final Set<String> knownChecks;
    private final Map<String, JsonLocation> locations = new HashMap<>();
    private final List<String> errors = new ArrayList<>();

    private PolicyFile(String source, Set<String> knownChecks) {
        this.source = source;
        this.knownChecks = knownChecks;
    }

    /** The commented default policy, as {@code atrest policy init} writes it. */
    public static String defaultYaml() {
        try (InputStream in = PolicyFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the default policy is missing from atrest", e);
        }
    }

    static ClassificationPolicy defaults() {
        return parse(defaultYaml(), "default policy", Set.of());
    }

    /**
     * Reads and checks a policy file.
     *
     * @param knownChecks check ids exemptions may name; empty to accept any
     * @throws PolicyFileException listing every error with its line and column
     */
    public static ClassificationPolicy load(Path file, Set<String> knownChecks) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyFileException(file.toString(), List.of("cannot read: " + e.getMessage()));
        } catch (UncheckedIOException e) {
            throw new PolicyFileException(file.toString(), List.of("cannot read: " + e.getMessage()));
        }
        return parse(text, file.toString(), knownChecks);
    }

    public static ClassificationPolicy parse(String yaml, String source, Set<String> knownChecks) {
        return new PolicyFile(source, knownChecks).read(yaml);
    }

    private ClassificationPolicy read(String yaml) {
        JsonNode root = tree(yaml);
        keys(root, "", TOP);
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.asInt() != 1) {
            error("/version", "version must be 1");
        }
        List<Level> levels = levels(root.get("levels"));
        Classification classification = classification(object(root, "classification", true), levels);
        Map<Severity, Integer> weights = weights(root.get("weights"));
        int warningDays = warningDays(root.get("importedMaterialWarningDays"));
        List<Exemption> exemptions = exemptions(root.get("exemptions"));
        if (!errors.isEmpty()) {
            throw new PolicyFileException(source, errors);
        }
        return new ClassificationPolicy(classification.tagKeys(), levels, classification.untagged(), classification.inherit(),
                classification.ouLevels(), weights, warningDays, exemptions);
    }

    /** The YAML as a tree, each node's line and column noted; a document that is not a mapping is refused. */
    private JsonNode tree(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
            try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
                if (parser.nextToken() != null) {
                    locate(parser, "");
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PolicyFileException(source, List.of(where(at) + "not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PolicyFileException(source, List.of("cannot read: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new PolicyFileException(source, List.of("line 1, column 1: a policy is a YAML mapping (version, classification, levels, ...)"));
        }
        return root;
    }

    /** The classification section: which tags name a store's level, the level of untagged data, OUs' levels. */
    private record Classification(List<String> tagKeys, String untagged, boolean inherit, Map<String, String> ouLevels) {}

    private Classification classification(JsonNode classification, List<Level> levels) {
        Set<String> levelNames = new HashSet<>();
        levels.forEach(l -> levelNames.add(l.name().toLowerCase(Locale.ROOT)));
        List<String> tagKeys = List.of();
        String untagged = levels.isEmpty() ? "" : levels.get(0).name();
        boolean inherit = true;
        Map<String, String> ouLevels = new LinkedHashMap<>();
        if (classification != null) {
            keys(classification, "/classification", CLASSIFICATION);
            tagKeys = stringList(classification.get("tagKeys"), "/classification/tagKeys", true);
            if (tagKeys.isEmpty() && classification.has("tagKeys")) {
                error("/classification/tagKeys", "name at least one tag key");
            }
            JsonNode u = classification.get("untagged");
            if (u == null || !u.isTextual()) {
                error("/classification/untagged", "untagged must name the level for data without a tag");
            } else if (!levelNames.contains(u.asText().toLowerCase(Locale.ROOT))) {
                error("/classification/untagged", "untagged names level '" + u.asText() + "', which is not in levels " + names(levels));
            } else {
                untagged = u.asText();
            }
            inherit = bool(classification, "inheritFromAccount", "/classification", true);
            ouLevels(classification.get("ouLevels"), levels, levelNames, ouLevels);
        }
        return new Classification(tagKeys, untagged, inherit, ouLevels);
    }

    private void ouLevels(JsonNode ous, List<Level> levels, Set<String> levelNames, Map<String, String> ouLevels) {
        if (ous == null || ous.isNull()) {
            return;
        }
        if (!ous.isObject()) {
            error("/classification/ouLevels", "ouLevels maps OU names to levels");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ous.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "/classification/ouLevels/" + e.getKey();
            if (!e.getValue().isTextual() || !levelNames.contains(e.getValue().asText().toLowerCase(Locale.ROOT))) {
                error(path, "OU " + e.getKey() + " maps to '" + e.getValue().asText() + "', which is not in levels " + names(levels));
            } else {
                ouLevels.put(e.getKey(), e.getValue().asText());
            }
        }
    }

    private int warningDays(JsonNode days) {
        if (days == null || days.isNull()) {
            return 30;
        }
        if (!days.isInt() || days.asInt() < 0 || days.asInt() > 3650) {
            error("/importedMaterialWarningDays", "importedMaterialWarningDays must be a whole number of days (0-3650)");
            return 30;
        }
        return days.asInt();
    }

    private List<Level> levels(JsonNode node) {
        List<Level> levels = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            error("/levels", "levels must list at least one level, least sensitive first");
            return levels;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "/levels/" + i;
            JsonNode l = node.get(i);
            if (!l.isObject()) {
                error(path, "a level is a mapping with a name and its demands");
                continue;
            }
            keys(l, path, LEVEL);
            JsonNode name = l.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                error(path, "a level needs a name");
                continue;
            }
            if (!seen.add(name.asText().toLowerCase(Locale.ROOT))) {
                error(path + "/name", "level '" + name.asText() + "' is named twice");
            }
            KeyTier tier = enumValue(l.get("minimumKeyTier"), path + "/minimumKeyTier", KeyTier.class, KeyTier.NONE);
            Severity severity = enumValue(l.get("keyTierSeverity"), path + "/keyTierSeverity", Severity.class, Severity.MEDIUM);
            List<String> networks = stringList(l.get("allowedNetworks"), path + "/allowedNetworks", false);
            for (int n = 0; n < networks.size(); n++) {
                if (!NETWORK.matcher(networks.get(n)).matches()) {
                    error(path + "/allowedNetworks/" + n, "'" + networks.get(n) + "' is not a VPC endpoint (vpce-...) or VPC (vpc-...) id");
                }
            }
            levels.add(new Level(name.asText(), tier, severity,
                    bool(l, "versioning", path, false), bool(l, "mfaDelete", path, false),
                    bool(l, "blockPublicAccess", path, true), bool(l, "encryptionPolicy", path, false),
                    bool(l, "dedicatedKey", path, false), bool(l, "mfaKeyAdministration", path, false),
                    bool(l, "vpcEndpointOnly", path, false), networks, bool(l, "viaService", path, false),
                    bool(l, "pointInTimeRecovery", path, false), bool(l, "deletionProtection", path, false),
                    bool(l, "backups", path, false), publicAccess(l.get("publicAccess"), path + "/publicAccess"),
                    bool(l, "kmsEndpoint", path, false), keyAccess(l, path)));
        }
        return levels;
    }

    /** The level's demands on who may use its keys; maxDecryptPrincipals absent means the count is not judged. */
    private KeyAccessRules keyAccess(JsonNode level, String path) {
        Integer max = null;
        JsonNode node = level.get("maxDecryptPrincipals");
        if (node != null && !node.isNull()) {
            if (!node.isInt() || node.asInt() < 0 || node.asInt() > 100_000) {
                error(path + "/maxDecryptPrincipals", "maxDecryptPrincipals must be a whole number from 0 to 100000, not '" + node.asText() + "'");
            } else {
                max = node.asInt();
            }
        }
        return new KeyAccessRules(bool(level, "leastPrivilegeKeyAccess", path, false), max, bool(level, "decryptByRolesOnly", path, false),
                bool(level, "separateKeyAdministration", path, false));
    }

    /** {@code publicAccess: allowed | denied}; denied when absent. */
    private boolean publicAccess(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isTextual() && node.asText().equals("allowed")) {
            return true;
        }
        if (node.isTextual() && node.asText().equals("denied")) {
            return false;
        }
        error(path, "publicAccess is 'allowed' or 'denied', not " + node);
        return false;
    }

    private Map<Severity, Integer> weights(JsonNode node) {
        Map<Severity, Integer> weights = new EnumMap<>(ClassificationPolicy.defaultWeights());
        if (node == null || node.isNull()) {
            return weights;
        }
        if (!node.isObject()) {
            error("/weights", "weights maps severities to numbers");
            return weights;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "/weights/" + e.getKey();
            Severity severity;
            try {
                severity = Severity.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                error(path, ex.getMessage());
                continue;
            }
            if (!e.getValue().isInt() || e.getValue().asInt() < 0 || e.getValue().asInt() > 1000) {
                error(path, "the weight of " + e.getKey() + " must be a whole number from 0 to 1000");
            } else {
                weights.put(severity, e.getValue().asInt());
            }
        }
        return weights;
    }

    private List<Exemption> exemptions(JsonNode node) {
        List<Exemption> exemptions = new ArrayList<>();
        if (node == null || node.isNull()) {
            return exemptions;
        }
        if (!node.isArray()) {
            error("/exemptions", "exemptions is a list");
            return exemptions;
        }
        for (int i = 0; i < node.size(); i++) {
            exemption(node.get(i), "/exemptions/" + i).ifPresent(exemptions::add);
        }
        return exemptions;
    }

    /** One exemption, or empty when it is not whole (the errors are recorded). */
    private Optional<Exemption> exemption(JsonNode e, String path) {
        if (!e.isObject()) {
            error(path, "an exemption is a mapping (arn or tag, reason, expires)");
            return Optional.empty();
        }
        keys(e, path, EXEMPTION);
        String arn = e.hasNonNull("arn") ? e.get("arn").asText() : null;
        String tagKey = null;
        String tagValue = null;
        JsonNode tag = e.get("tag");
        if (tag != null && !tag.isNull()) {
            if (!tag.isObject() || !tag.hasNonNull("key")) {
                error(path + "/tag", "tag needs a key (and optionally a value)");
            } else {
                keys(tag, path + "/tag", Set.of("key", "value"));
                tagKey = tag.get("key").asText();
                tagValue = tag.hasNonNull("value") ? tag.get("value").asText() : null;
            }
        }
        if (arn == null && tagKey == null) {
            error(path, "an exemption names an arn pattern or a tag");
        }
        if (arn != null && !arn.startsWith("arn:")) {
            error(path + "/arn", "'" + arn + "' is not an ARN pattern (arn:...)");
        }
        List<String> checks = stringList(e.get("checks"), path + "/checks", false);
        for (int c = 0; c < checks.size(); c++) {
            if (!knownChecks.isEmpty() && !knownChecks.contains(checks.get(c))) {
                error(path + "/checks/" + c, "unknown check '" + checks.get(c) + "'");
            }
        }
        String reason = e.hasNonNull("reason") ? e.get("reason").asText() : null;
        if (reason == null || reason.isBlank()) {
            error(path, "an exemption needs a reason");
        }
        LocalDate expires = expiry(e, path);
        return reason != null && expires != null && (arn != null || tagKey != null)
                ? Optional.of(new Exemption(arn, tagKey, tagValue, checks, reason, expires))
                : Optional.empty();
    }

    private LocalDate expiry(JsonNode e, String path) {
        if (!e.hasNonNull("expires")) {
            error(path, "an exemption needs an expiry date (expires: 2027-03-31)");
            return null;
        }
        try {
            return LocalDate.parse(e.get("expires").asText());
        } catch (DateTimeParseException ex) {
            error(path + "/expires", "'" + e.get("expires").asText() + "' is not a date like 2027-03-31");
            return null;
        }
    }

    // ---------------------------------------------------------------- small readers

    private JsonNode object(JsonNode parent, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error("", "missing '" + field + "'");
            }
            return null;
        }
        if (!node.isObject()) {
            error("/" + field, field + " must be a mapping");
            return null;
        }
        return node;
    }

    private void keys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                String near = allowed.stream().filter(a -> a.equalsIgnoreCase(key)).findFirst().orElse(null);
                errorAtKey(path + "/" + key, "unknown key '" + key + "'"
                        + (near != null ? " (did you mean '" + near + "'?)" : ", expected one of " + new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private boolean bool(JsonNode parent, String field, String path, boolean absent) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isBoolean()) {
            error(path + "/" + field, field + " must be true or false, not '" + node.asText() + "'");
            return absent;
        }
        return node.asBoolean();
    }

    private List<String> stringList(JsonNode node, String path, boolean required) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) {
                error(path.substring(0, path.lastIndexOf('/')), "missing '" + path.substring(path.lastIndexOf('/') + 1) + "'");
            }
            return values;
        }
        if (!node.isArray()) {
            error(path, path.substring(path.lastIndexOf('/') + 1) + " must be a list");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().isBlank()) {
                error(path + "/" + i, "expected a non-empty string");
            } else {
                values.add(node.get(i).asText());
            }
        }
        return values;
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type, E absent) {
        if (node == null || node.isNull()) {
            return absent;
        }
        try {
            return Enum.valueOf(type, node.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> options = new ArrayList<>();
            for (E v : type.getEnumConstants()) {
                options.add(v.name());
            }
            error(path, "'" + node.asText() + "' is not one of " + options);
            return absent;
        }
    }

    private static String names(List<Level> levels) {
        return levels.stream().map(Level::name).toList().toString();
    }

    private void error(String path, String message) {
        errors.add(where(locations.get(path)) + message);
    }

    private void errorAtKey(String path, String message) {
        JsonLocation at = locations.getOrDefault(path + "#key", locations.get(path));
        errors.add(where(at) + message);
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    }

    /** Records where each element starts, by path ("/levels/2/name"), and where each key is written. */
    private void locate(JsonParser parser, String path) throws IOException {
        locations.putIfAbsent(path, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String child = path + "/" + parser.currentName();
                locations.put(child + "#key", parser.currentTokenLocation());
                parser.nextToken();
                locate(parser, child);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                locate(parser, path + "/" + i++);
            }
        }
    }
}
