package io.atrest.scanner.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.access.KeyAccessor.Kind;
import io.atrest.scanner.access.KeyAccessor.Reach;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredAccessTest {
    private static KeyAccessor accessor(String principal, Reach reach) {
        return new KeyAccessor(principal, Kind.ROLE, KeyCapability.DECRYPT, reach, List.of("key policy Root"), List.of(), false);
    }

    @Test
    void aListReadsBackAsWrittenWithWhoEachPrincipalIs() {
        String text = StoredAccess.encode(List.of(accessor("arn:aws:iam::111111111111:role/App", Reach.ALLOWED),
                accessor("arn:aws:iam::111111111111:user/ops", Reach.CONDITIONAL), accessor("arn:aws:iam::111111111111:root", Reach.ALLOWED),
                accessor("arn:aws:iam::222222222222:root", Reach.CONDITIONAL), accessor("s3.eu-west-1.amazonaws.com", Reach.ALLOWED),
                accessor("*", Reach.CONDITIONAL)));
        StoredAccess.Stored stored = StoredAccess.decode(text);

        assertThat(stored.leftOut()).isZero();
        assertThat(stored.entries()).extracting(StoredAccess.Entry::conditional).containsExactly(false, true, false, true, false, true);
        assertThat(stored.entries()).extracting(e -> e.kind("111111111111"))
                .containsExactly(Kind.ROLE, Kind.USER, Kind.ACCOUNT_ROOT, Kind.EXTERNAL, Kind.SERVICE, Kind.ANYONE);
        assertThat(StoredAccess.decode("").entries()).isEmpty();
    }

    @Test
    void aListTooLongForAHistoryRowKeepsItsFirstPrincipalsAndSaysHowManyItLeftOut() {
        List<KeyAccessor> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(accessor("arn:aws:iam::111111111111:role/workload-" + i, Reach.ALLOWED));
        }
        String text = StoredAccess.encode(many);
        StoredAccess.Stored stored = StoredAccess.decode(text);

        assertThat(text.length()).isLessThanOrEqualTo(StoredAccess.MAX_CHARS + 20);
        assertThat(stored.entries().size() + stored.leftOut()).isEqualTo(500);
        assertThat(stored.leftOut()).isPositive();
        assertThat(stored.entries().get(0).principal()).isEqualTo("arn:aws:iam::111111111111:role/workload-0");
    }
}
