package io.atrest.scanner.org;

/**
 * The organization as an earlier run saw it: its accounts with their OUs and tags as then. What
 * a night scans when the organization cannot be read.
 *
 * @param source names the run it comes from, for people ("run 41 of 2026-12-03")
 */
public record KnownOrganization(String source, OrganizationView view) {}
