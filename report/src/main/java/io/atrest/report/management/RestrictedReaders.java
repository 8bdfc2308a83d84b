package io.atrest.report.management;

import io.atrest.report.management.ManagementReport.ReaderRow;
import io.atrest.report.management.ManagementReport.WideKeyRow;
import io.atrest.scanner.access.KeyAccessor.Kind;
import io.atrest.scanner.access.StoredAccess;
import io.atrest.sql.StoredResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Who can read restricted data", from one stored run: the customer keys that protect stores of
 * the sensitive levels, and the principals their access lists (kept with each key's attributes)
 * say can decrypt them, counted per account and key. The account's root user and AWS services on
 * grants are not counted: no policy binds the one, the other acts only for its resource.
 */
final class RestrictedReaders {
    /** The readers section: one row per account, and the keys with the most decryptors. */
    record Section(List<ReaderRow> accounts, List<WideKeyRow> widestKeys) {}

    private RestrictedReaders() {}

    /** @param accountNames each account's name by id ("" when it has none) */
    static Section of(List<StoredResource> resources, Map<String, String> accountNames, Set<String> restrictedLevels, int keysShown) {
        Map<String, String> levelOfKey = new HashMap<>();
        for (StoredResource r : resources) {
            String key = r.attributes().get("key");
            String level = r.attributes().get("classification");
            if (key != null && level != null && restrictedLevels.contains(level)) {
                levelOfKey.putIfAbsent(key, level);
            }
        }
        Map<String, AccountTally> byAccount = new LinkedHashMap<>();
        List<WideKeyRow> keys = new ArrayList<>();
        for (StoredResource r : resources) {
            String level = levelOfKey.get(r.arn());
            if (!"AwsKmsKey".equals(r.resourceType()) || level == null || !r.attributes().containsKey("access")) {
                continue;
            }
            StoredAccess.Stored stored = StoredAccess.decode(r.attributes().get("decrypt"));
            List<StoredAccess.Entry> readers = stored.entries().stream().filter(e -> counted(e.kind(r.accountId()))).toList();
            long conditional = readers.stream().filter(StoredAccess.Entry::conditional).count();
            long users = readers.stream().filter(e -> e.kind(r.accountId()) == Kind.USER).count();
            String name = keyName(r);
            int decryptors = readers.size() + stored.leftOut();
            keys.add(new WideKeyRow(name, r.arn(), r.accountId(), accountNames.getOrDefault(r.accountId(), ""), r.region() == null ? "" : r.region(), level, decryptors, (int) conditional,
                    (int) users, r.attributes().get("access")));
            byAccount.computeIfAbsent(r.accountId(), AccountTally::new).add(name, decryptors, readers, r.attributes().get("access"));
        }
        keys.sort(Comparator.comparingInt((WideKeyRow k) -> -k.decryptors()).thenComparing(WideKeyRow::keyArn));
        List<ReaderRow> rows = new ArrayList<>();
        for (AccountTally t : byAccount.values()) {
            rows.add(new ReaderRow(t.accountId, accountNames.getOrDefault(t.accountId, ""), t.keys, t.principals.size(), t.users.size(),
                    t.conditionalOnly(), t.widest + " (" + t.widestCount + ")", t.incomplete));
        }
        rows.sort(Comparator.comparingInt((ReaderRow a) -> -a.principals()).thenComparing(ReaderRow::accountId));
        return new Section(rows, keys.subList(0, Math.min(keysShown, keys.size())));
    }

    private static boolean counted(Kind kind) {
        return kind != Kind.ACCOUNT_ROOT && kind != Kind.SERVICE;
    }

    /** A key's first alias, else its id. */
    static String keyName(StoredResource key) {
        String aliases = key.attributes().getOrDefault("aliases", "");
        return aliases.isEmpty() ? key.arn().substring(key.arn().lastIndexOf('/') + 1) : aliases.split(",")[0];
    }

    /** One account's restricted keys and the distinct principals that can decrypt any of them. */
    private static final class AccountTally {
        final String accountId;
        final Set<String> principals = new LinkedHashSet<>();
        final Set<String> users = new LinkedHashSet<>();
        final Set<String> outright = new LinkedHashSet<>();
        int keys;
        int incomplete;
        String widest = "";
        int widestCount = -1;

        AccountTally(String accountId) {
            this.accountId = accountId;
        }

        void add(String key, int decryptors, List<StoredAccess.Entry> readers, String access) {
            keys++;
            incomplete += "complete".equals(access) ? 0 : 1;
            if (decryptors > widestCount) {
                widest = key;
                widestCount = decryptors;
            }
            for (StoredAccess.Entry e : readers) {
                principals.add(e.principal());
                if (e.kind(accountId) == Kind.USER) {
                    users.add(e.principal());
                }
                if (!e.conditional()) {
                    outright.add(e.principal());
                }
            }
        }

        int conditionalOnly() {
            return (int) principals.stream().filter(p -> !outright.contains(p)).count();
        }
    }
}
