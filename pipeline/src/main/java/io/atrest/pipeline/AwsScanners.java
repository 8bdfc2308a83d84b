package io.atrest.pipeline;

import io.atrest.scanner.aws.ClientFactory;
import io.atrest.scanner.org.AssumeRoleAccess;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.org.OrganizationUnreadable;
import io.atrest.scanner.org.UnknownAccountException;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Scanners of the live organization: the caller's identity from STS, member accounts entered
 * with AssumeRole, the organization read with the caller's credentials, every client behind the
 * read-only guard and stopping once the run is asked to stop.
 */
public final class AwsScanners implements Scanners {
    private final RunRequest request;

    public AwsScanners(RunRequest request) {
        this.request = request;
    }

    @Override
    public <T> T with(Stop stop, Function<OrganizationScanner, T> work) {
        try (ClientFactory clients = new ClientFactory(request.aws(), stop)) {
            return withCaller(clients, work);
        }
    }

    private <T> T withCaller(ClientFactory clients, Function<OrganizationScanner, T> work) {
        try (StsClient sts = clients.sts(clients.baseCredentials())) {
            String caller = caller(sts);
            AssumeRoleAccess access;
            try {
                access = new AssumeRoleAccess(clients, sts, caller, request.roleName(), request.externalId());
            } catch (IllegalArgumentException e) {
                throw new RunRefused("--role-name: " + e.getMessage());
            }
            try (OrganizationsClient organizations = clients.organizations(clients.baseCredentials())) {
                return work.apply(new OrganizationScanner(organizations, caller, access, request.aws().homeRegion(), request.scan()));
            } catch (UnknownAccountException e) {
                throw new RunRefused(e.getMessage());
            } catch (OrganizationUnreadable e) {
                throw new RunFailed("cannot read the organization, and no stored run to scan its accounts from: " + e.getMessage(), e);
            } catch (SdkException e) {
                throw new RunFailed("cannot read the organization: " + firstLine(e.getMessage()), e);
            }
        }
    }

    private static String caller(StsClient sts) {
        try {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            String why = String.valueOf(e.getMessage()).startsWith("Unable to load credentials")
                    ? "no AWS credentials found (environment, --profile, SSO, container or instance role)"
                    : firstLine(e.getMessage());
            throw new RunFailed("cannot identify the caller: " + why, e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n", 2)[0];
    }
}
