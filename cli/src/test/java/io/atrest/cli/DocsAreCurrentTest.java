package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.aws.IamPolicy;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.check.CheckReference;
import io.atrest.scanner.stores.StoreReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The docs that are generated from code must match the code. Regenerate with the commands in docs/README.md. */
class DocsAreCurrentTest {
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void checkReferenceMatchesTheCatalog() throws Exception {
        assertThat(Files.readString(DOCS.resolve("checks.md")))
                .as("docs/checks.md is stale: run ./atrest checks --format markdown > docs/checks.md")
                .isEqualTo(CheckReference.markdown(CheckCatalog.standard()));
    }

    @Test
    void apiCallReferenceCarriesEveryDeclaredKindOfStore() throws Exception {
        String doc = Files.readString(DOCS.resolve("api-calls.md"));
        assertThat(doc).as("docs/api-calls.md is stale: build the scanner module (it rewrites the stores table)")
                .isEqualTo(StoreReference.withGenerated(doc));
    }

    @Test
    void theStackSetTemplateGrantsExactlyTheAllowlistBehindAnExternalId() {
        String template = IamPolicy.cloudFormation();
        IamPolicy.scanningActions().forEach(action -> assertThat(template).contains("- " + action + "\n"));
        assertThat(template).contains("sts:ExternalId: !Ref ExternalId").contains("Type: AWS::IAM::Role")
                .doesNotContain("s3:Put").doesNotContain("kms:*");
    }

    @Test
    void iamDocCarriesTheGeneratedPolicy() throws Exception {
        assertThat(Files.readString(DOCS.resolve("iam.md")))
                .as("docs/iam.md is stale: paste the output of ./atrest iam-policy")
                .contains(IamPolicy.json());
    }
}
