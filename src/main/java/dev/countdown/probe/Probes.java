package dev.countdown.probe;

import dev.countdown.manifest.ProbeSpec;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Makes the probe for a spec, with what probes share: one HTTP client (one connection pool) and
 * the trust material TLS probes check certificates against.
 */
public final class Probes implements AutoCloseable {

    private final OkHttpClient client;
    private final X509ExtendedTrustManager trust;

    public Probes(OkHttpClient client, X509ExtendedTrustManager trust) {
        this.client = client;
        this.trust = trust;
    }

    /** The service's probes: the JVM's trust store, an HTTP client that adds no behaviour of its own. */
    public static Probes withDefaults() {
        return new Probes(defaultClient(), jvmTrust());
    }

    /** The same HTTP client with another trust store for TLS probes (a test CA, a private PKI). */
    public static Probes trusting(X509ExtendedTrustManager trust) {
        return new Probes(defaultClient(), trust);
    }

    /**
     * Redirects are not followed (a probe checks the URL written, and a 301 is an answer a manifest
     * may expect) and OkHttp does not retry by itself: the runner's retries are the only ones,
     * so the attempt count is honest.
     */
    public static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(32, 1, java.util.concurrent.TimeUnit.MINUTES))
                .build();
    }

    public static X509ExtendedTrustManager jvmTrust() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM offers no X509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's trust store cannot be read: " + e.getMessage(), e);
        }
    }

    Probe of(ProbeSpec spec) {
        return switch (spec) {
            case ProbeSpec.Http http -> new HttpProbe(http, client);
            case ProbeSpec.Tls tls -> new TlsProbe(tls, trust);
            case ProbeSpec.Prometheus prometheus -> new PrometheusProbe(prometheus, client);
            case ProbeSpec.Sql sql -> new SqlProbe(sql);
            case ProbeSpec.GithubActions github -> new GithubActionsProbe(github, client);
        };
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
