package io.atrest.cli;

import io.atrest.scanner.aws.AwsSettings;
import io.atrest.scanner.aws.ClientFactory;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import io.atrest.scanner.org.AssumeRoleAccess;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.org.ScanOptions;
import io.atrest.scanner.org.ScanResult;
import io.atrest.scanner.org.UnknownAccountException;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.HistoryStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Scan the AWS Organization (or one account), store the run and print its summary.")
final class ScanCommand extends StoringCommand implements Callable<Integer> {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${ATREST_DB:-" + Defaults.DATABASE + "}",
            description = "History database (default: ${DEFAULT-VALUE}); jdbc:postgresql://... for a shared one.")
    String database;

    @Option(names = "--endpoint-url", paramLabel = "URL", defaultValue = "${env:AWS_ENDPOINT_URL}",
            description = "Send every AWS call to this endpoint (LocalStack, moto). Default: $AWS_ENDPOINT_URL.")
    String endpointUrl;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Home region for global calls; default: the AWS region chain, else us-east-1.")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile from the AWS config files.")
    String profile;

    @Option(names = "--role-name", paramLabel = "NAME", defaultValue = "OrganizationAccountAccessRole",
            description = "Role assumed in each member account (default: ${DEFAULT-VALUE}).")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "ExternalId to pass when assuming the role.")
    String externalId;

    @Option(names = "--accounts", split = ",", paramLabel = "ID", description = "Scan only these account ids.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--exclude-accounts", split = ",", paramLabel = "ID", description = "Never scan these account ids.")
    List<String> excludeAccounts = new ArrayList<>();

    @Option(names = "--regions", split = ",", paramLabel = "REGION",
            description = "Scan these regions; default: every region enabled in each account.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--concurrency", defaultValue = "8", description = "Accounts scanned at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--save-inventory", paramLabel = "FILE", description = "Also write the collected inventory (JSON, .gz to compress).")
    Path saveInventory;

    @Option(names = "--from-inventory", paramLabel = "FILE",
            description = "Evaluate and store a saved inventory instead of scanning: no AWS access.")
    Path fromInventory;

    @Option(names = "--account-timeout", paramLabel = "MINUTES", defaultValue = "30",
            description = "Longest time one account may take; what is unfinished then is NOT_EVALUATED (default: ${DEFAULT-VALUE}).")
    int accountTimeoutMinutes;

    @picocli.CommandLine.Mixin
    PolicyOption policy;

    @Override
    public Integer call() {
        Severity threshold = failOnSeverity();
        ClassificationPolicy classification = policy.load(); // a broken policy fails before anything is written
        Set<String> only = accountIds("--accounts", accounts);
        Set<String> excluded = accountIds("--exclude-accounts", excludeAccounts);
        for (String r : regions) {
            checkRegion("--regions", r);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new UserError("--concurrency must be between 1 and 256");
        }
        if (accountTimeoutMinutes < 1) {
            throw new UserError("--account-timeout must be at least 1 minute");
        }
        if (fromInventory != null) {
            return evaluateSaved(threshold, classification);
        }
        if (saveInventory != null) {
            Path folder = saveInventory.toAbsolutePath().getParent();
            if (folder == null || !java.nio.file.Files.isDirectory(folder) || !java.nio.file.Files.isWritable(folder)) {
                throw new UserError("--save-inventory: cannot write into " + folder);
            }
        }
        AwsSettings settings = AwsSettings.defaults(homeRegion()).withEndpoint(endpoint()).withProfile(profile);
        Instant started = Instant.now();
        // Open the database first: a wrong URL or a locked file must fail before any AWS call.
        try (HistoryStore store = HistoryStore.open(database); ClientFactory clients = new ClientFactory(settings)) {
            RunRecorder recorder = new RunRecorder(store, CheckCatalog.standard(), classification, Clock.systemUTC());
            long runId = recorder.begin("SCAN", started);
            ScanResult result;
            try {
                result = scan(clients, settings, only, excluded);
            } catch (UserError e) {
                recorder.discard(runId);
                throw e;
            } catch (RuntimeException e) {
                recorder.fail(runId, e.getMessage());
                throw e;
            }
            recorder.complete(runId, result.inventory(), result.accounts());
            if (saveInventory != null) {
                InventoryDocument.write(result.inventory(), saveInventory);
            }
            int code = report(store, runId, threshold);
            boolean nothingRead = result.accounts().stream()
                    .allMatch(a -> a.status() == io.atrest.scanner.org.AccountScanStatus.FAILED);
            return nothingRead ? ExitCode.SCAN_FAILED : code;
        }
    }

    /** --from-inventory: the same evaluation and storage as a scan, from a saved document. */
    private int evaluateSaved(Severity threshold, ClassificationPolicy classification) {
        Inventory inventory = InventoryDocument.read(fromInventory);
        try (HistoryStore store = HistoryStore.open(database)) {
            long runId = new RunRecorder(store, CheckCatalog.standard(), classification, Clock.systemUTC())
                    .record("INVENTORY", Instant.now(), inventory, RunRecorder.scansOf(inventory));
            return report(store, runId, threshold);
        }
    }

    private ScanResult scan(ClientFactory clients, AwsSettings settings, Set<String> only, Set<String> excluded) {
        String caller;
        try (StsClient sts = clients.sts(clients.baseCredentials())) {
            try {
                caller = sts.getCallerIdentity().account();
            } catch (SdkException e) {
                String why = String.valueOf(e.getMessage()).startsWith("Unable to load credentials")
                        ? "no AWS credentials found (environment, --profile, SSO, container or instance role)"
                        : firstLine(e.getMessage());
                throw new ScanFailed("cannot identify the caller: " + why, e);
            }
            AssumeRoleAccess access;
            try {
                access = new AssumeRoleAccess(clients, sts, caller, roleName, externalId);
            } catch (IllegalArgumentException e) {
                throw new UserError("--role-name: " + e.getMessage());
            }
            try (OrganizationsClient organizations = clients.organizations(clients.baseCredentials());
                 ScanProgress progress = ScanProgress.forConsole()) {
                return new OrganizationScanner(organizations, caller, access, settings.homeRegion(),
                        new ScanOptions(only, excluded, regions, concurrency, java.time.Duration.ofMinutes(accountTimeoutMinutes)))
                        .listener(progress)
                        .scan(Clock.systemUTC());
            } catch (UnknownAccountException e) {
                throw new UserError(e.getMessage());
            } catch (SdkException e) {
                throw new ScanFailed("cannot read the organization: " + firstLine(e.getMessage()), e);
            }
        }
    }

    private String homeRegion() {
        if (region != null) {
            checkRegion("--region", region);
            return region;
        }
        try {
            Region found = DefaultAwsRegionProviderChain.builder().build().getRegion();
            return found == null ? Defaults.REGION : found.id();
        } catch (SdkException e) {
            return Defaults.REGION;
        }
    }

    /** A region name the SDK knows; an emulator (--endpoint-url) may use any well-formed name. */
    private void checkRegion(String option, String name) {
        if (!REGION.matcher(name).matches()) {
            throw new UserError(option + ": '" + name + "' is not an AWS region name");
        }
        boolean known = Region.regions().stream().anyMatch(r -> r.id().equals(name));
        if (!known && (endpointUrl == null || endpointUrl.isBlank())) {
            throw new UserError(option + ": unknown region '" + name + "'");
        }
    }

    private URI endpoint() {
        if (endpointUrl == null || endpointUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(endpointUrl.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(endpointUrl, "expected http(s)://host[:port]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UserError("--endpoint-url: '" + endpointUrl + "' is not an http(s) URL");
        }
    }

    private static Set<String> accountIds(String option, List<String> ids) {
        Set<String> result = new LinkedHashSet<>();
        for (String id : ids) {
            String trimmed = id.trim();
            if (!ACCOUNT_ID.matcher(trimmed).matches()) {
                throw new UserError(option + ": '" + id + "' is not a 12-digit AWS account id");
            }
            result.add(trimmed);
        }
        return result;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n", 2)[0];
    }
}
