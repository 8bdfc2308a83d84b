package io.atrest.scanner.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback HTTP server standing in for AWS, for wire-level tests: it records each request
 * and answers with what the test's responder returns. Bound to 127.0.0.1 on a free port.
 */
public final class StubAws implements AutoCloseable {
    /** One request as the stub saw it. */
    public record Request(String method, String host, String path, String query, String target, String body,
                          String authorization) {

        /** The access key id the request was signed with. */
        public String accessKey() {
            int at = authorization == null ? -1 : authorization.indexOf("Credential=");
            return at < 0 ? null : authorization.substring(at + 11, authorization.indexOf('/', at));
        }

        /** The service in the request's signing scope ("s3", "kms", "organizations", ...). */
        public String signingService() {
            int at = authorization == null ? -1 : authorization.indexOf("Credential=");
            return at < 0 ? null : authorization.substring(at).split("/")[3];
        }

        /** The region in the request's signing scope. */
        public String signingRegion() {
            int at = authorization == null ? -1 : authorization.indexOf("Credential=");
            return at < 0 ? null : authorization.substring(at).split("/")[2];
        }
    }

    /** A response: status, content type, body. */
    public record Response(int status, String contentType, String body) {
        public static Response xml(String body) {
            return new Response(200, "application/xml", body);
        }

        public static Response json(String body) {
            return new Response(200, "application/x-amz-json-1.1", body);
        }

        /** No response at all: the connection is closed, as a reset or a dropped connection looks to the client. */
        public static Response reset() {
            return new Response(-1, "", "");
        }

        /** An S3-style XML error. */
        public static Response s3Error(int status, String code) {
            return new Response(status, "application/xml",
                    "<Error><Code>" + code + "</Code><Message>" + code + "</Message><RequestId>stub</RequestId></Error>");
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "stub-aws");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public StubAws(Function<Request, Response> responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("X-Amz-Target"), body,
                    exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(request);
            Response response = responder.apply(request);
            if (response.status() < 0) {
                exchange.close();
                return;
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.getResponseHeaders().add("x-amz-request-id", "stub");
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        // Several requests at once, as AWS serves them: a slow answer holds back only its own caller.
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
