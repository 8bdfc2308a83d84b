package io.atrest.sql;

import io.atrest.scanner.check.Finding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * 64 bits of SHA-256 over everything that makes a finding's state: equal hashes, same state.
 * Computed from the fields directly, so unchanged findings cost no JSON at all.
 */
final class StateHash {
    private StateHash() {}

    static long of(Finding f) {
        MessageDigest sha = SHA256.get(); // digest() below resets it for the next finding
        feed(sha, f.severity().name());
        feed(sha, f.outcome().name());
        feed(sha, f.reason() == null ? null : f.reason().name());
        feed(sha, f.failedOperation());
        feed(sha, f.classification());
        feed(sha, f.message());
        for (Map.Entry<String, String> e : new TreeMap<>(f.evidence()).entrySet()) {
            feed(sha, e.getKey());
            feed(sha, e.getValue());
        }
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    /** 64 bits of a plain string, for check ids in digests. */
    static long of(String text) {
        long h = 0xcbf29ce484222325L; // FNV-1a
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads bits so that sums of mixed values make a good set digest. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static void feed(MessageDigest sha, String value) {
        if (value == null) {
            sha.update((byte) 0);
        } else {
            sha.update((byte) 1);
            sha.update(value.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }

    /** One digest per thread: looking SHA-256 up per finding cost more than hashing a short finding. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(StateHash::sha256);

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
