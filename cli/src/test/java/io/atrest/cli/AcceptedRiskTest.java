package io.atrest.cli;

import static io.atrest.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #17.6: a failure an exemption accepts is SUPPRESSED: out of the open findings and the score, counted apart, listed with its date. */
class AcceptedRiskTest {
    @TempDir
    Path dir;

    @Test
    void anExemptedFailureIsAnAcceptedRiskCountedApartAndListedWithItsDate() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, io.atrest.scanner.policy.PolicyFile.defaultYaml().replace("exemptions: []", """
                exemptions:
                  - arn: "arn:aws:s3:::acme-payments-ledger-*"
                    checks: [s3-versioning]
                    reason: "read-only ledger, retired in 2027"
                    expires: 2099-12-31
                """));
        String db = "jdbc:h2:file:" + dir.resolve("demo");
        CliRun demo = run("demo", "--nights", "1", "--reports", dir.resolve("reports").toString(), "--db", db, "--policy", policy.toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("ACCEPTED").contains("1 accepted risk(s)");

        assertThat(run("findings", "--db", db, "--check", "s3-versioning").out()).doesNotContain("acme-payments-ledger-2019");
        JsonNode accepted = new ObjectMapper().readTree(run("findings", "--db", db, "--status", "accepted", "--output", "json").out());
        assertThat(accepted).singleElement().satisfies(f -> {
            assertThat(f.path("resource").asText()).isEqualTo("arn:aws:s3:::acme-payments-ledger-2019");
            assertThat(f.path("accepted_until").asText()).isEqualTo("2099-12-31");
            assertThat(f.path("failure").asText()).contains("SUSPENDED");
        });

        Path report = dir.resolve("account.html");
        assertThat(run("report", "--db", db, "--type", "account", "--account", "222222222222", "--out", report.toString()).code()).isZero();
        assertThat(Files.readString(report)).contains("Accepted risks").contains("accepted until 2099-12-31");
        JsonNode exported = new ObjectMapper().readTree(run("export", "--db", db, "--output", "json", "--status", "suppressed").out());
        assertThat(exported.path("findings")).singleElement()
                .satisfies(f -> assertThat(f.path("status").asText()).isEqualTo("SUPPRESSED"));
    }
}
