package io.atrest.scanner.org;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.aws.AwsErrors;
import io.atrest.scanner.aws.ClientFactory;
import io.atrest.scanner.inventory.Partition;
import java.time.Duration;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Enters member accounts through STS AssumeRole (session name {@code atrest}, optional
 * ExternalId); the caller's own account with the caller's credentials. The SDK's provider
 * refreshes the session before it expires, so long scans keep working.
 */
public final class AssumeRoleAccess implements AccountAccess {
    /** IAM role names, optionally with a path: letters, digits and +=,.@_- . */
    private static final Pattern ROLE_NAME = Pattern.compile("([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    public static final String SESSION_NAME = "atrest";

    private final ClientFactory factory;
    private final StsClient sts;
    private final String callerAccountId;
    private final String roleName;
    private final String externalId;

    public AssumeRoleAccess(ClientFactory factory, StsClient sts, String callerAccountId, String roleName, String externalId) {
        if (!ROLE_NAME.matcher(roleName).matches()) {
            throw new IllegalArgumentException("'" + roleName + "' is not a valid IAM role name");
        }
        this.factory = factory;
        this.sts = sts;
        this.callerAccountId = callerAccountId;
        this.roleName = roleName;
        this.externalId = externalId;
    }

    public String roleArn(String accountId) {
        return "arn:" + Partition.ofRegion(factory.settings().homeRegion()) + ":iam::" + accountId + ":role/" + roleName;
    }

    @Override
    public AccountClients open(String accountId) {
        return factory.forAccount(credentials(accountId));
    }

    /**
     * The credentials of {@code accountId}: the caller's own in its own account, else the role's,
     * assumed (and resolved once, so a refusal is an {@link AccountAccessException} here).
     */
    public AwsCredentialsProvider credentials(String accountId) {
        if (accountId.equals(callerAccountId)) {
            return factory.baseCredentials();
        }
        String roleArn = roleArn(accountId);
        AwsCredentialsProvider credentials = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .staleTime(Duration.ofMinutes(5))
                .prefetchTime(Duration.ofMinutes(10))
                .refreshRequest(r -> {
                    r.roleArn(roleArn).roleSessionName(SESSION_NAME).durationSeconds(3600);
                    if (externalId != null) {
                        r.externalId(externalId);
                    }
                })
                .build();
        try {
            credentials.resolveCredentials();
        } catch (SdkException e) {
            throw new AccountAccessException(
                    AwsErrors.toError(e, accountId, null, "sts", "AssumeRole", roleArn), e);
        }
        return credentials;
    }
}
