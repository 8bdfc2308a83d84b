package io.atrest.scanner.fake;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Function;

/**
 * A fake SDK client made from a map of operation handlers: {@code "describeVolumes" -> request ->
 * response}. The client interface's default methods (consumer overloads, paginators) run as
 * written, so paging is exercised for real. Every served call is logged and may be failed via
 * the {@link CallLog}.
 */
public final class ProxyFake {
    private ProxyFake() {}

    @SuppressWarnings("unchecked")
    public static <C> C of(Class<C> client, String accountId, String sdkService, CallLog log,
                           Map<String, Function<Object, Object>> handlers) {
        InvocationHandler handler = (proxy, method, args) -> {
            // SDK client interfaces declare every operation as a default method that throws; the
            // request-object form is served here, the other forms (consumers, paginators) delegate to it.
            boolean request = args != null && args.length == 1 && args[0] instanceof software.amazon.awssdk.core.SdkRequest;
            if (request && handlers.containsKey(method.getName())) {
                return serve(method, args, accountId, sdkService, log, handlers);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return switch (method.getName()) {
                case "serviceName" -> sdkService.toLowerCase(java.util.Locale.ROOT);
                case "close" -> null;
                case "toString" -> "fake " + sdkService + " of " + accountId;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> serve(method, args, accountId, sdkService, log, handlers);
            };
        };
        return (C) Proxy.newProxyInstance(client.getClassLoader(), new Class<?>[] {client}, handler);
    }

    private static Object serve(Method method, Object[] args, String accountId, String sdkService, CallLog log,
                                Map<String, Function<Object, Object>> handlers) {
        String operation = Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
        Function<Object, Object> handler = handlers.get(method.getName());
        if (handler == null) {
            throw new UnsupportedOperationException("fake " + sdkService + " does not serve " + operation);
        }
        log.serve(accountId, sdkService, operation, resourceOf(args == null ? null : args[0]));
        return handler.apply(args == null ? null : args[0]);
    }

    /** The identifier a request names, so failures can be injected per resource. */
    private static String resourceOf(Object request) {
        if (request == null) {
            return null;
        }
        for (String getter : new String[] {"tableName", "resourceArn", "fileSystemId", "dbSnapshotIdentifier",
                "dbClusterSnapshotIdentifier", "name", "trailName", "rule", "policyId", "resourceName", "secretId", "queueUrl",
                "topicArn", "streamName", "deliveryStreamName", "backupVaultName", "vaultName", "arn", "resource"}) {
            try {
                Object value = request.getClass().getMethod(getter).invoke(request);
                if (value != null) {
                    return value.toString();
                }
            } catch (ReflectiveOperationException ignored) {
                // not this kind of request
            }
        }
        return null;
    }
}
