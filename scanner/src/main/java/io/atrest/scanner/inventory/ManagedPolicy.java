package io.atrest.scanner.inventory;

/**
 * A managed policy attached in the account, with its default version's document (JSON, decoded).
 *
 * @param awsManaged AWS writes it ({@code arn:aws:iam::aws:policy/...}); the customer writes the others
 */
public record ManagedPolicy(String arn, String name, boolean awsManaged, String document) {}
