package io.atrest.scanner.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An IAM policy document (bucket policy, key policy, SCP, endpoint policy), parsed from every
 * legal shape: Statement as object or list, single values or lists, Principal "*" or by type,
 * NotPrincipal / NotAction / NotResource, any condition operator; element names compared
 * case-insensitively. Anything else is a {@link PolicyParseException}, never another exception.
 */
public record PolicyDocument(List<Statement> statements) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /**
     * Parsed documents by their text, held only while the text is (the inventory holds it for a
     * run): a bucket or key policy is read by several checks, and parsing a long policy costs
     * far more than judging it. Documents are immutable, so sharing them is safe.
     */
    private static final java.util.Map<String, PolicyDocument> PARSED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    public static PolicyDocument parse(String json) {
        if (json != null) {
            PolicyDocument known = PARSED.get(json);
            if (known != null) {
                return known;
            }
        }
        PolicyDocument parsed = parseText(json);
        PARSED.put(json, parsed);
        return parsed;
    }

    private static PolicyDocument parseText(String json) {
        if (json == null || json.isBlank()) {
            throw new PolicyParseException("empty policy document");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyParseException("policy is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new PolicyParseException("policy is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PolicyParseException("a policy document is a JSON object");
        }
        JsonNode statementNode = field(root, "Statement");
        List<Statement> statements = new ArrayList<>();
        if (statementNode == null || statementNode.isNull()) {
            return new PolicyDocument(statements);
        }
        if (statementNode.isObject()) {
            statements.add(statement(statementNode, 0));
        } else if (statementNode.isArray()) {
            int i = 0;
            for (JsonNode s : statementNode) {
                statements.add(statement(s, i++));
            }
        } else {
            throw new PolicyParseException("Statement must be an object or a list of objects");
        }
        return new PolicyDocument(statements);
    }

    private static Statement statement(JsonNode node, int index) {
        if (!node.isObject()) {
            throw new PolicyParseException("statement " + index + " is not an object");
        }
        JsonNode effect = field(node, "Effect");
        if (effect == null || !effect.isTextual()) {
            throw new PolicyParseException("statement " + index + " has no Effect");
        }
        boolean allow;
        switch (effect.asText().toLowerCase(Locale.ROOT)) {
            case "allow" -> allow = true;
            case "deny" -> allow = false;
            default -> throw new PolicyParseException("statement " + index + ": Effect must be Allow or Deny, not " + effect.asText());
        }
        JsonNode principal = field(node, "Principal");
        JsonNode notPrincipal = field(node, "NotPrincipal");
        JsonNode action = field(node, "Action");
        JsonNode notAction = field(node, "NotAction");
        JsonNode resource = field(node, "Resource");
        JsonNode notResource = field(node, "NotResource");
        String sid = field(node, "Sid") == null ? null : field(node, "Sid").asText();
        return new Statement(
                sid,
                allow,
                principal(notPrincipal != null ? notPrincipal : principal, index),
                notPrincipal != null,
                strings(notAction != null ? notAction : action, "Action", index, List.of()),
                notAction != null,
                strings(notResource != null ? notResource : resource, "Resource", index, List.of("*")),
                notResource != null,
                conditions(field(node, "Condition"), index));
    }

    private static Principal principal(JsonNode node, int index) {
        if (node == null || node.isNull()) {
            return Principal.NONE;
        }
        if (node.isTextual()) {
            if (node.asText().equals("*")) {
                return new Principal(true, Map.of());
            }
            throw new PolicyParseException("statement " + index + ": Principal must be \"*\" or an object");
        }
        if (!node.isObject()) {
            throw new PolicyParseException("statement " + index + ": Principal must be \"*\" or an object");
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        boolean everyone = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = canonicalType(e.getKey());
            List<String> values = strings(e.getValue(), "Principal", index, List.of());
            if ("AWS".equals(type) && values.contains("*")) {
                everyone = true;
            }
            byType.computeIfAbsent(type, k -> new ArrayList<>()).addAll(values);
        }
        return new Principal(everyone, byType);
    }

    private static String canonicalType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "aws" -> "AWS";
            case "service" -> "Service";
            case "federated" -> "Federated";
            case "canonicaluser" -> "CanonicalUser";
            default -> type;
        };
    }

    private static List<Condition> conditions(JsonNode node, int index) {
        List<Condition> conditions = new ArrayList<>();
        if (node == null || node.isNull()) {
            return conditions;
        }
        if (!node.isObject()) {
            throw new PolicyParseException("statement " + index + ": Condition must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (!op.getValue().isObject()) {
                throw new PolicyParseException("statement " + index + ": condition " + op.getKey() + " must map keys to values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                conditions.add(new Condition(op.getKey(), key.getKey(), strings(key.getValue(), "Condition", index, List.of())));
            }
        }
        return conditions;
    }

    /** A string, number or boolean, or a list of them, as strings. */
    private static List<String> strings(JsonNode node, String element, int index, List<String> absent) {
        if (node == null || node.isNull()) {
            return absent;
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode v : node) {
                if (!v.isValueNode() || v.isNull()) {
                    throw new PolicyParseException("statement " + index + ": " + element + " holds a non-string value");
                }
                values.add(v.asText());
            }
        } else if (node.isValueNode()) {
            values.add(node.asText());
        } else {
            throw new PolicyParseException("statement " + index + ": " + element + " must be a string or a list of strings");
        }
        return values;
    }

    /** The element named {@code name}, whatever its case. */
    private static JsonNode field(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equalsIgnoreCase(name)) {
                return object.get(key);
            }
        }
        return null;
    }
}
