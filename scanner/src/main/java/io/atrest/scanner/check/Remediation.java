package io.atrest.scanner.check;

/**
 * How to fix a failure.
 *
 * @param console the steps in the AWS console
 * @param cli an AWS CLI command, with placeholders in angle brackets
 */
public record Remediation(String console, String cli) {}
