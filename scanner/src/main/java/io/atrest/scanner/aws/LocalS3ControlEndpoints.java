package io.atrest.scanner.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointParams;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * S3 Control's endpoint rules put the account id in front of the host
 * ({@code 123456789012.s3-control...}), even on a custom endpoint, where it makes a host that
 * does not exist. On a custom endpoint this keeps everything the rules decide (signing, path)
 * but sends the request to the endpoint's own host.
 */
final class LocalS3ControlEndpoints implements S3ControlEndpointProvider {
    private final URI endpoint;
    private final S3ControlEndpointProvider rules = S3ControlEndpointProvider.defaultProvider();

    LocalS3ControlEndpoints(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletableFuture<Endpoint> resolveEndpoint(S3ControlEndpointParams params) {
        S3ControlEndpointParams withoutAccount = params.toBuilder().accountId(null).requiresAccountId(false).build();
        return rules.resolveEndpoint(withoutAccount).thenApply(resolved -> {
            try {
                String path = resolved.url().getRawPath();
                URI url = new URI(endpoint.getScheme(), null, endpoint.getHost(), endpoint.getPort(),
                        path == null || path.isEmpty() ? null : path, null, null);
                return resolved.toBuilder().url(url).build();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("bad endpoint " + endpoint, e);
            }
        });
    }
}
