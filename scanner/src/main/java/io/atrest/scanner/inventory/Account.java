package io.atrest.scanner.inventory;

import java.util.List;
import java.util.Map;

/**
 * A member account of the organization.
 *
 * @param ouPath names of the organizational units from the root down, empty for an account under the root
 * @param parentIds the root's id then the OU ids down to the account's parent: where SCPs attach
 */
public record Account(
        String id,
        String name,
        String email,
        String status,
        List<String> ouPath,
        Map<String, String> tags,
        List<String> parentIds) {

    public Account {
        parentIds = parentIds == null ? List.of() : List.copyOf(parentIds);
        ouPath = ouPath == null ? List.of() : List.copyOf(ouPath);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public Account(String id, String name, String email, String status, List<String> ouPath, Map<String, String> tags) {
        this(id, name, email, status, ouPath, tags, List.of());
    }

    /** "Root/Prod/Payments" style path, for people. */
    public String ouPathText() {
        return ouPath.isEmpty() ? "Root" : "Root/" + String.join("/", ouPath);
    }
}
