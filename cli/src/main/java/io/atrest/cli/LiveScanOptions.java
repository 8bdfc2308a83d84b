package io.atrest.cli;

import io.atrest.pipeline.RunRequest;
import io.atrest.scanner.aws.AwsSettings;
import io.atrest.scanner.org.ScanOptions;
import io.atrest.scanner.policy.ClassificationPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What a live scan of AWS needs, shared by {@code scan} and {@code schedule}. */
final class LiveScanOptions {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    @Mixin
    DatabaseOption db;

    @Mixin
    PolicyOption policy;

    @Mixin
    AwsConnectionOptions aws;

    @Option(names = "--accounts", split = ",", paramLabel = "ID", description = "Scan only these account ids.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--exclude-accounts", split = ",", paramLabel = "ID", description = "Never scan these account ids.")
    List<String> excludeAccounts = new ArrayList<>();

    // --region as in Prowler and the AWS CLI's habit: the regions to scan, not the home region.
    @Option(names = {"--regions", "--region"}, split = ",", paramLabel = "REGION",
            description = "Scan these regions (repeatable or comma-separated); default: every region enabled in each account.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--exclude-regions", split = ",", paramLabel = "REGION", description = "Never scan these regions.")
    List<String> excludeRegions = new ArrayList<>();

    @Option(names = "--concurrency", defaultValue = "8", description = "Accounts scanned at once, and calls in flight; one account's service takes at most a quarter"
                    + " of them (at least 2) (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--account-timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Longest time one account may take, with a unit (90s, 30m, 2h; a bare number is minutes, as before); "
                    + "what is unfinished then is NOT_EVALUATED (default: ${DEFAULT-VALUE}).")
    String accountTimeout;

    /** --account-timeout: a duration with a unit, or a bare number of minutes (its unit before units were accepted). */
    private Duration accountDeadline() {
        String text = accountTimeout == null ? "" : accountTimeout.trim();
        return text.matches("\\d{1,6}") ? Duration.ofMinutes(Long.parseLong(text)) : DurationText.parse("--account-timeout", text);
    }

    /** Checks every option before anything is opened; bad input is a {@link UserError}. */
    void validate() {
        accountIds("--accounts", accounts);
        accountIds("--exclude-accounts", excludeAccounts);
        for (String r : excludeRegions) {
            aws.checkRegion("--exclude-regions", r);
        }
        for (String r : regions) {
            aws.checkRegion("--regions", r);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new UserError("--concurrency must be between 1 and 256");
        }
        if (accountDeadline().compareTo(Duration.ofSeconds(10)) < 0) {
            throw new UserError("--account-timeout must be at least 10s");
        }
        aws.validate();
    }

    /** What the pipeline needs for a live run, once {@link #validate} passed. */
    RunRequest request(ClassificationPolicy classification) {
        return new RunRequest(aws.awsSettings(), scanOptions(), aws.roleName, aws.externalId, classification, VersionProvider.version());
    }

    AwsSettings awsSettings() {
        return aws.awsSettings();
    }

    ScanOptions scanOptions() {
        return new ScanOptions(accountIds("--accounts", accounts), accountIds("--exclude-accounts", excludeAccounts), regions,
                concurrency, accountDeadline(), java.util.Set.copyOf(excludeRegions));
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
}
