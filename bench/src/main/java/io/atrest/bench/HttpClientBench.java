package io.atrest.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What one call costs the scanner's process with each SDK HTTP client: a loopback server answers
 * GetBucketEncryption as S3 does, and {@code --threads} callers make {@code --calls} calls each
 * through one shared client (as the scanner shares one). Reports the process CPU per call (the
 * server's share is the same for every client, so the differences are the clients') and the
 * wall time. The CRT client does its I/O on native threads, which the process CPU includes.
 *
 * <p>{@code --tls true} serves HTTPS with a self-signed certificate that the Java clients trust:
 * connection reuse then shows (each new connection is a handshake).
 *
 * <p>{@code HttpClientBench --calls 20000 --threads 8 [--tls true]}
 */
public final class HttpClientBench {
    private static final byte[] ANSWER = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ServerSideEncryptionConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule>"
            + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
            + "<KMSMasterKeyID>arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID>"
            + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule>"
            + "</ServerSideEncryptionConfiguration>").getBytes(StandardCharsets.UTF_8);

    private HttpClientBench() {}

    public static void main(String[] args) throws Exception {
        int calls = 20_000;
        int threads = 8;
        boolean tls = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--tls" -> tls = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // Without TCP_NODELAY the JDK's server waits out delayed ACKs (~40 ms a call): the server, not the client, would be measured.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Tls certificate = tls ? selfSigned() : null;
        HttpServer server;
        if (tls) {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(certificate.context()));
            server = https;
        } else {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.getResponseHeaders().add("x-amz-request-id", "bench");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
        URI endpoint = URI.create((tls ? "https" : "http") + "://localhost:" + server.getAddress().getPort());
        System.out.printf(Locale.ROOT, "%,d GetBucketEncryption calls per client, %d callers sharing one client, loopback server%s%n",
                calls * threads, threads, tls ? " over TLS" : "");
        software.amazon.awssdk.http.TlsTrustManagersProvider trust = tls ? certificate::trust : null;
        int connections = Math.max(50, threads * 2);
        // The CRT client takes no trust manager: over TLS it would need the test certificate in the system's store.
        for (String name : tls ? List.of("apache", "url-connection") : List.of("apache", "url-connection", "crt")) {
            Supplier<SdkHttpClient> http = switch (name) {
                case "apache" -> () -> ApacheHttpClient.builder().maxConnections(connections).tlsTrustManagersProvider(trust).build();
                case "url-connection" -> () -> UrlConnectionHttpClient.builder().tlsTrustManagersProvider(trust).build();
                default -> () -> AwsCrtHttpClient.builder().maxConcurrency(connections).build();
            };
            run(http, endpoint, Math.max(1, calls / 10), threads);          // warm up
            double[] measured = run(http, endpoint, calls, threads);
            System.out.printf(Locale.ROOT, "  %-15s %6.1f µs CPU per call, %6.1f s wall, %,8.0f calls/s%n", name,
                    measured[0], measured[1], calls * threads / measured[1]);
        }
        server.stop(0);
        System.exit(0);
    }

    /** The loopback server's TLS: its context, and the trust managers that accept its certificate. */
    private record Tls(javax.net.ssl.SSLContext context, javax.net.ssl.TrustManager[] trust) {}

    /** A key pair and self-signed certificate for localhost, made by the JDK's keytool. */
    private static Tls selfSigned() throws Exception {
        java.nio.file.Path store = java.nio.file.Files.createTempDirectory("bench-tls").resolve("server.p12");
        Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "benchpass").inheritIO().start();
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(store)) {
            keys.load(in, "benchpass".toCharArray());
        }
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, "benchpass".toCharArray());
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(keys);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return new Tls(context, tmf.getTrustManagers());
    }

    /** {µs of process CPU per call, seconds of wall time}. */
    private static double[] run(Supplier<SdkHttpClient> http, URI endpoint, int calls, int threads) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SdkHttpClient client = http.get();
             S3Client s3 = S3Client.builder().httpClient(client).endpointOverride(endpoint).forcePathStyle(true)
                     .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")))
                     .build()) {
            ExecutorService callers = Executors.newFixedThreadPool(threads);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(callers.submit(() -> {
                    for (int i = 0; i < calls; i++) {
                        s3.getBucketEncryption(r -> r.bucket("bench-bucket"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long wall = System.nanoTime() - t0;
            long cpu = os.getProcessCpuTime() - cpu0;
            callers.shutdown();
            return new double[] {cpu / 1e3 / ((double) calls * threads), wall / 1e9};
        }
    }
}
