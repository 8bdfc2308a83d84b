package io.atrest.scanner.stores;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.CliName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A declared placeholder is one the fixes really use: a typo ("queue_url") would leave every command unfilled. */
class CliNamesTest {
    @Test
    void everyDeclaredPlaceholderIsUsedByAFixOfItsType() {
        List<String> unused = new ArrayList<>();
        for (StoreKind<?> kind : StoreKinds.ALL) {
            Optional<CliName> name = kind.cliName();
            if (name.isEmpty()) {
                continue;
            }
            boolean used = CheckCatalog.standard().checks().stream()
                    .map(Check::info)
                    .filter(info -> kind.type().equals(info.resourceType()))
                    .anyMatch(info -> info.remediation().cli() != null && info.remediation().cli().contains("<" + name.get().placeholder() + ">"));
            if (!used) {
                unused.add(kind.type() + " <" + name.get().placeholder() + ">");
            }
        }
        assertThat(unused).isEmpty();
    }

    @Test
    void theTypesThatAreNotStoresAreNamedToo() {
        assertThat(CliNames.of("AwsS3Bucket")).contains(CliName.of("bucket", CliName.Form.NAME));
        assertThat(CliNames.of("AwsSqsQueue")).contains(CliName.of("queue-url", CliName.Form.QUEUE_URL));
        assertThat(CliNames.of("AwsAccount")).isEmpty();
        assertThat(CliNames.of(null)).isEmpty();
    }
}
