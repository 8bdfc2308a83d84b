package io.atrest.cli;

import static io.atrest.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrest.scanner.fake.StubAws;
import io.atrest.scanner.fake.StubAws.Request;
import io.atrest.scanner.fake.StubAws.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * #17.3: publish on the wire. The demo organization's stored run goes to a loopback Security Hub:
 * each account's findings from that account (its own credentials, or the assumed role's), in its
 * region, in batches of 100; a throttled call is retried; a finding Security Hub refuses and an
 * account that cannot be entered are reported, and the exit code says the publish was partial.
 */
@ExtendWith(ManagementCredentials.class)
class PublishWireTest {
    static final String MANAGEMENT = "111111111111";
    static final String LOCKED = "444444444444";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private StubAws stub;
    private final AtomicBoolean throttledOnce = new AtomicBoolean();
    private final Map<String, String> accountOfKey = new ConcurrentHashMap<>();

    @AfterEach
    void clear() {
        if (stub != null) {
            stub.close();
        }
    }

    private Response answer(Request r) {
        String form = URLDecoder.decode(r.body(), StandardCharsets.UTF_8);
        if (form.contains("Action=GetCallerIdentity")) {
            return StsWire.callerIdentity(MANAGEMENT);
        }
        if (form.contains("Action=AssumeRole")) {
            String account = form.replaceAll("(?s).*RoleArn=arn:aws:iam::(\\d{12}):role/.*", "$1");
            if (account.equals(LOCKED)) {
                return new Response(403, "text/xml", "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                        + "<Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform sts:AssumeRole</Message>"
                        + "</Error><RequestId>2</RequestId></ErrorResponse>");
            }
            String key = "ASIA" + account;
            accountOfKey.put(key, account);
            return StsWire.assumedRole(account, "AtrestPublisher", key);
        }
        if ("securityhub".equals(r.signingService()) && r.path().equals("/findings/import")) {
            if (throttledOnce.compareAndSet(false, true)) {
                return new Response(429, "application/json", "{\"Code\":\"TooManyRequestsException\",\"Message\":\"Rate exceeded\"}");
            }
            try {
                JsonNode findings = JSON.readTree(r.body()).path("Findings");
                StringBuilder failed = new StringBuilder();
                int refused = 0;
                for (JsonNode f : findings) {
                    if (f.path("Resources").get(0).path("Id").asText().equals("arn:aws:s3:::acme-payments-ledger-2019")) {
                        failed.append(refused++ == 0 ? "" : ",").append("{\"Id\":\"").append(f.path("Id").asText())
                                .append("\",\"ErrorCode\":\"InvalidInput\",\"ErrorMessage\":\"Finding does not adhere to the ASFF\"}");
                    }
                }
                return Response.json("{\"FailedCount\":" + refused + ",\"SuccessCount\":" + (findings.size() - refused)
                        + ",\"FailedFindings\":[" + failed + "]}");
            } catch (java.io.IOException e) {
                return new Response(400, "application/json", "{\"Code\":\"InvalidInputException\"}");
            }
        }
        return new Response(400, "application/json", "{\"Code\":\"InvalidAction\",\"Message\":\"" + r.path() + "\"}");
    }

    @Test
    void eachAccountsFindingsGoFromThatAccountInBatchesAndEveryRefusalIsReported() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("demo");
        assertThat(run("demo", "--nights", "1", "--reports", dir.resolve("reports").toString(), "--db", db).code()).isZero();
        stub = new StubAws(this::answer);

        CliRun publish = run("publish", "securityhub", "--db", db, "--endpoint-url", stub.endpoint().toString(), "--home-region",
                "us-east-1", "--role-name", "AtrestPublisher", "--external-id", "ext-1", "--max-backoff", "100ms");

        assertThat(publish.code()).as(publish.err()).isEqualTo(ExitCode.PARTIAL);
        List<Request> imports = stub.requests().stream().filter(r -> "securityhub".equals(r.signingService())).toList();
        assertThat(imports).as("only BatchImportFindings ever reaches Security Hub")
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/findings/import"));
        int findings = 0;
        for (Request r : imports.subList(1, imports.size())) { // the first was throttled, and sent again
            JsonNode batch = JSON.readTree(r.body()).path("Findings");
            assertThat(batch.size()).isBetween(1, 100);
            String account = r.accessKey().equals(ManagementCredentials.ACCESS_KEY) ? MANAGEMENT : accountOfKey.get(r.accessKey());
            batch.forEach(f -> {
                assertThat(f.path("AwsAccountId").asText()).as("sent from the account it belongs to").isEqualTo(account);
                assertThat(f.path("ProductArn").asText()).isEqualTo("arn:aws:securityhub:" + r.signingRegion() + ":" + account
                        + ":product/" + account + "/default");
                assertThat(f.path("Workflow").path("Status").asText()).isIn("NEW", "RESOLVED", "SUPPRESSED");
            });
            findings += batch.size();
        }
        assertThat(imports.get(0).body()).isEqualTo(imports.get(1).body());
        assertThat(findings).isGreaterThan(100);
        assertThat(stub.requests()).filteredOn(r -> URLDecoder.decode(r.body(), StandardCharsets.UTF_8).contains("Action=AssumeRole"))
                .allSatisfy(r -> assertThat(URLDecoder.decode(r.body(), StandardCharsets.UTF_8)).contains("ExternalId=ext-1"));
        assertThat(publish.out()).contains(LOCKED + ": ").contains("cannot enter the account")
                .containsPattern("222222222222: \\d+ of \\d+ finding\\(s\\) refused").contains("InvalidInput Finding does not adhere to the ASFF")
                .containsPattern("Run 1 to Security Hub: \\d+ finding\\(s\\) sent from 5 account\\(s\\), \\d+ accepted, \\d+ refused");
    }

    @Test
    void publishingNeedsAStoredRunAndAValidFilterBeforeAnyCall() throws Exception {
        stub = new StubAws(this::answer);
        CliRun none = run("publish", "securityhub", "--db", "jdbc:h2:file:" + dir.resolve("none"), "--endpoint-url", stub.endpoint().toString());
        assertThat(none.code()).isEqualTo(ExitCode.USAGE);
        assertThat(stub.requests()).isEmpty();
        assertThat(run("iam-policy", "--publish").out()).contains("securityhub:BatchImportFindings").doesNotContain("s3:");
        assertThat(run("iam-policy").out()).doesNotContain("securityhub");
    }
}
