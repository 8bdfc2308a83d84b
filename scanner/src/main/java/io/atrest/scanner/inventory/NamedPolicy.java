package io.atrest.scanner.inventory;

/** An inline policy of a user, group or role: its name and its document (JSON, decoded). */
public record NamedPolicy(String name, String document) {}
