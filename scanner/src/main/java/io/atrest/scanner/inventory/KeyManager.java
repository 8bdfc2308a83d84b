package io.atrest.scanner.inventory;

/** Who manages a KMS key: AWS on the customer's behalf ({@code aws/s3} ...) or the customer. */
public enum KeyManager {
    AWS,
    CUSTOMER
}
