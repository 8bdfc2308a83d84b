package io.atrest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks an event against the OCSF 1.3 Compliance Finding definition kept as a test resource:
 * required attributes, JSON types, enumeration values, and that a caption matches its id (or,
 * for Other, names the source's own label). Returns every violation, so a failure says them all.
 */
public final class OcsfSchema {
    private final JsonNode schema;

    private OcsfSchema(JsonNode schema) {
        this.schema = schema;
    }

    public static OcsfSchema complianceFinding() {
        try (InputStream in = OcsfSchema.class.getResourceAsStream("/ocsf/compliance-finding-1.3.json")) {
            return new OcsfSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> violations(JsonNode event) {
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("required").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode holder : at(event, e.getKey())) {
                e.getValue().forEach(a -> {
                    if (!holder.has(a.asText()) || holder.get(a.asText()).isNull()) {
                        problems.add("missing required " + (e.getKey().isEmpty() ? "" : e.getKey() + ".") + a.asText());
                    }
                });
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("types").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode v : at(event, e.getKey())) {
                if (!ofType(v, e.getValue().asText())) {
                    problems.add(e.getKey() + " is not " + e.getValue().asText() + ": " + v);
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("enums").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<JsonNode> values = at(event, e.getKey());
            String captionPath = schema.path("captions").path(e.getKey()).asText(null);
            List<JsonNode> captions = captionPath == null ? List.of() : at(event, captionPath);
            for (int i = 0; i < values.size(); i++) {
                String id = values.get(i).asText();
                if (!e.getValue().has(id)) {
                    problems.add(e.getKey() + " " + id + " is not one of " + e.getValue());
                } else if (i < captions.size() && !"99".equals(id) && !captions.get(i).asText().equals(e.getValue().get(id).asText())) {
                    problems.add(captionPath + " '" + captions.get(i).asText() + "' is not the caption of " + e.getKey() + " " + id);
                } else if (i < captions.size() && "99".equals(id) && captions.get(i).asText().isBlank()) {
                    problems.add(captionPath + " must name the source's label when " + e.getKey() + " is 99 (Other)");
                }
            }
        }
        if (event.path("type_uid").asInt() != event.path("class_uid").asInt() * 100 + event.path("activity_id").asInt()) {
            problems.add("type_uid is not class_uid * 100 + activity_id");
        }
        return problems;
    }

    /** The nodes at a dotted path; "resources[]" steps into every element of an array. */
    private static List<JsonNode> at(JsonNode root, String path) {
        List<JsonNode> nodes = new ArrayList<>(List.of(root));
        if (path.isEmpty()) {
            return nodes;
        }
        for (String step : path.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            boolean each = step.endsWith("[]");
            String name = each ? step.substring(0, step.length() - 2) : step;
            for (JsonNode n : nodes) {
                JsonNode child = n.get(name);
                if (child == null || child.isNull()) {
                    continue;
                }
                if (each) {
                    child.forEach(next::add);
                } else {
                    next.add(child);
                }
            }
            nodes = next;
        }
        return nodes;
    }

    private static boolean ofType(JsonNode v, String type) {
        return switch (type) {
            case "integer" -> v.isIntegralNumber();
            case "string" -> v.isTextual();
            case "array" -> v.isArray();
            case "object" -> v.isObject();
            default -> false;
        };
    }
}
