package io.atrest.cli;

import io.atrest.report.export.AsffExport;
import io.atrest.report.export.AsffFinding;
import io.atrest.scanner.aws.ClientFactory;
import io.atrest.scanner.org.AccountAccessException;
import io.atrest.scanner.org.AssumeRoleAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.Compliance;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;
import software.amazon.awssdk.services.securityhub.model.Recommendation;
import software.amazon.awssdk.services.securityhub.model.Remediation;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.Severity;
import software.amazon.awssdk.services.securityhub.model.Workflow;

/**
 * Sends ASFF batches to Security Hub, each from the account it belongs to (entered as a scan
 * enters it) in its region, through the publishing client: the only client whose guard lets a
 * write through, and only BatchImportFindings. Throttling is retried by the client's retry
 * strategy; what Security Hub refuses is counted per account, never dropped silently.
 */
final class SecurityHubSender implements AsffExport.BatchSink, AutoCloseable {
    private final ClientFactory factory;
    private final AssumeRoleAccess access;
    private final Map<String, AwsCredentialsProvider> credentials = new HashMap<>();
    private final Map<String, String> unreachable = new HashMap<>();
    private final Map<String, SecurityHubClient> clients = new HashMap<>();
    private final Map<String, AccountTally> tallies = new LinkedHashMap<>();

    /** What one account's findings came to. */
    static final class AccountTally {
        long sent;
        long accepted;
        long failed;
        final List<String> errors = new ArrayList<>();

        void error(String message) {
            if (errors.size() < 3 && !errors.contains(message)) {
                errors.add(message);
            }
        }
    }

    SecurityHubSender(ClientFactory factory, AssumeRoleAccess access) {
        this.factory = factory;
        this.access = access;
    }

    @Override
    public void accept(String accountId, String region, int number, List<AsffFinding> batch) {
        AccountTally tally = tallies.computeIfAbsent(accountId, k -> new AccountTally());
        tally.sent += batch.size();
        SecurityHubClient client = client(accountId, region);
        if (client == null) {
            tally.failed += batch.size();
            tally.error("cannot enter the account: " + unreachable.get(accountId));
            return;
        }
        try {
            BatchImportFindingsResponse response = client.batchImportFindings(r -> r.findings(batch.stream().map(SecurityHubSender::sdk).toList()));
            tally.accepted += response.successCount() == null ? 0 : response.successCount();
            tally.failed += response.failedCount() == null ? 0 : response.failedCount();
            for (ImportFindingsError e : response.failedFindings()) {
                tally.error(region + ": " + e.errorCode() + " " + e.errorMessage() + " (" + e.id() + ")");
            }
        } catch (SdkException e) {
            tally.failed += batch.size();
            tally.error(region + ": " + firstLine(e.getMessage()));
        }
    }

    /** The account's publishing client in {@code region}; null when the account cannot be entered (said once per account). */
    private SecurityHubClient client(String accountId, String region) {
        String key = accountId + "@" + region;
        SecurityHubClient known = clients.get(key);
        if (known != null || unreachable.containsKey(accountId)) {
            return known;
        }
        AwsCredentialsProvider provider = credentials.get(accountId);
        if (provider == null) {
            try {
                provider = access.credentials(accountId);
            } catch (AccountAccessException e) {
                unreachable.put(accountId, e.getMessage());
                return null;
            }
            credentials.put(accountId, provider);
        }
        SecurityHubClient client = factory.securityHubPublisher(provider, region);
        clients.put(key, client);
        return client;
    }

    Map<String, AccountTally> tallies() {
        return tallies;
    }

    /** The SDK's form of a finding: the same values the ASFF file export writes. */
    static AwsSecurityFinding sdk(AsffFinding f) {
        Map<String, String> resource = f.resources().get(0);
        AwsSecurityFinding.Builder b = AwsSecurityFinding.builder()
                .schemaVersion(f.schemaVersion()).id(f.id()).productArn(f.productArn()).generatorId(f.generatorId())
                .awsAccountId(f.awsAccountId()).types(f.types()).createdAt(f.createdAt()).updatedAt(f.updatedAt())
                .severity(Severity.builder().label(f.severity().get("Label")).build())
                .title(f.title()).description(f.description())
                .resources(Resource.builder().type(resource.get("Type")).id(resource.get("Id")).partition(resource.get("Partition"))
                        .region(resource.get("Region")).build())
                .compliance(Compliance.builder().status(f.compliance().status()).relatedRequirements(f.compliance().relatedRequirements())
                        .build())
                .recordState(f.recordState())
                .workflow(Workflow.builder().status(f.workflow().get("Status")).build())
                .productFields(f.productFields());
        if (f.remediation() != null) {
            b.remediation(Remediation.builder().recommendation(Recommendation.builder()
                    .text(f.remediation().get("Recommendation").get("Text")).build()).build());
        }
        return b.build();
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        clients.values().forEach(SecurityHubClient::close);
        clients.clear();
    }
}
