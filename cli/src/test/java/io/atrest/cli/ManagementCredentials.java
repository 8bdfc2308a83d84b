package io.atrest.cli;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The management account's static credentials for the wire tests, as system properties (the
 * first link of the SDK's chain), set before each test and cleared after it. A {@code StubAws}
 * tells the caller apart by {@link #ACCESS_KEY}.
 */
final class ManagementCredentials implements BeforeEachCallback, AfterEachCallback {
    static final String ACCESS_KEY = "AKIDMANAGEMENT";

    @Override
    public void beforeEach(ExtensionContext context) {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", "secret");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
