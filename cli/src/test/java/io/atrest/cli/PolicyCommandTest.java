package io.atrest.cli;

import static io.atrest.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
    @TempDir
    Path dir;



    @Test
    void initWritesTheDefaultThatCheckAccepts() {
        Path file = dir.resolve("policy.yaml");
        assertThat(run("policy", "init", file.toString()).code()).isZero();
        assertThat(run("policy", "init", file.toString()).err()).contains("exists");
        CliRun check = run("policy", "check", file.toString());
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("ok, 4 level(s) [public, internal, confidential, restricted]");
        assertThat(run("policy", "init").out()).contains("version: 1");
    }

    @Test
    void aBrokenPolicyListsEveryErrorAndStopsEvaluationBeforeAnythingIsWritten() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                version: 1
                classification: {tagKeys: [DataClassification], untagged: secret}
                levels:
                  - name: internal
                    minimumKeyTier: KMS_SUPER
                """);
        CliRun check = run("policy", "check", file.toString());
        assertThat(check.code()).isEqualTo(ExitCode.USAGE);
        assertThat(check.err().lines().toList()).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith(file + ": line "));

        Path db = dir.resolve("demo");
        CliRun demo = run("demo", "--nights", "1", "--reports", dir.resolve("reports").toString(), "--policy", file.toString(), "--db", "jdbc:h2:file:" + db);
        assertThat(demo.code()).isEqualTo(ExitCode.USAGE);
        assertThat(demo.err().strip()).startsWith("atrest: " + file + ": line").doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("demo.mv.db"))).as("nothing written").isFalse();
    }

    @Test
    void aPolicyChangesTheVerdict() throws Exception {
        Path strict = dir.resolve("strict.yaml");
        Files.writeString(strict, io.atrest.scanner.policy.PolicyFile.defaultYaml().replace("untagged: internal", "untagged: restricted"));
        CliRun lax = run("demo", "--nights", "1", "--reports", dir.resolve("reports").toString(), "--db", "jdbc:h2:file:" + dir.resolve("lax"), "--output", "json");
        CliRun hard = run("demo", "--nights", "1", "--reports", dir.resolve("reports").toString(), "--db", "jdbc:h2:file:" + dir.resolve("hard"), "--output", "json", "--policy", strict.toString());
        assertThat(hard.code()).isZero();
        double laxScore = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lax.out()).path("run").path("score").asDouble();
        double hardScore = new com.fasterxml.jackson.databind.ObjectMapper().readTree(hard.out()).path("run").path("score").asDouble();
        assertThat(hardScore).isLessThan(laxScore);
    }
}
