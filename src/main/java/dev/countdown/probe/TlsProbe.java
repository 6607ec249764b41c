package dev.countdown.probe;

import dev.countdown.manifest.ProbeSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS handshake as a browser would make it: the chain must be trusted and name the host; then
 * the leaf certificate must stay valid for at least {@code min-days-left} days. The chain is
 * captured even when the handshake refuses it, so a failure can say when and for whom it expired.
 */
final class TlsProbe implements Probe {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final ProbeSpec.Tls spec;
    private final X509ExtendedTrustManager trust;

    /** @param trust the JVM's trust store in service, a test CA in tests */
    TlsProbe(ProbeSpec.Tls spec, X509ExtendedTrustManager trust) {
        this.spec = spec;
        this.trust = trust;
    }

    @Override
    public Evidence.Asked asked(AttemptContext context) {
        return new Evidence.Asked("TLS handshake", spec.host() + ":" + spec.port(), Map.of(), Optional.empty());
    }

    @Override
    public Finding attempt(AttemptContext context) throws GeneralSecurityException {
        String target = spec.host() + ":" + spec.port();
        CapturingTrustManager capturing = new CapturingTrustManager(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {capturing}, null);
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, context.timeout().toMillis()));
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(spec.host(), spec.port()), millis);
            raw.setSoTimeout(millis);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(raw, spec.host(), spec.port(), false)) {
                SSLParameters parameters = socket.getSSLParameters();
                // what makes the JDK check the certificate names this host, as HTTPS clients do
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!isIpLiteral(spec.host())) {
                    parameters.setServerNames(List.of(new SNIHostName(spec.host())));
                }
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                return judge(leaf, context.clock().instant(), socket.getSession().getProtocol());
            }
        } catch (SSLException e) {
            return refused(e, capturing.leaf(), context.clock().instant(), target);
        } catch (IOException e) {
            return Unreachable.describe(e, target, context.timeout());
        }
    }

    private Finding judge(X509Certificate leaf, Instant now, String protocol) {
        long daysLeft = Duration.between(now, leaf.getNotAfter().toInstant()).toDays();
        Evidence.Answer answer = answer(leaf, Map.of("protocol", protocol, "days-left", String.valueOf(daysLeft)));
        String subject = "certificate for " + spec.host();
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            return Finding.fail(subject + " expired " + expiredAgo(leaf, now), answer);
        }
        if (daysLeft < spec.minDaysLeft()) {
            return Finding.fail(subject + " expires in " + days(daysLeft) + " (need " + spec.minDaysLeft() + ")", answer);
        }
        return Finding.pass(subject + " expires in " + days(daysLeft) + " (need " + spec.minDaysLeft() + ")", answer);
    }

    /** The handshake failed: say why in the terms of the certificate when one was seen. */
    private Finding refused(SSLException e, X509Certificate leaf, Instant now, String target) {
        String subject = "certificate for " + spec.host();
        if (leaf == null) {
            return Finding.error("TLS handshake with " + target + " failed: " + Unreachable.rootMessage(e));
        }
        Evidence.Answer answer = answer(leaf, Map.of("refused", Unreachable.rootMessage(e)));
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            return Finding.fail(subject + " expired " + expiredAgo(leaf, now), answer);
        }
        if (hasCause(e, CertificateException.class) && Unreachable.rootMessage(e).toLowerCase(java.util.Locale.ROOT).contains("match")) {
            return Finding.fail(subject + " does not match the host; it names " + names(leaf), answer);
        }
        return Finding.fail(subject + " is not trusted: " + Unreachable.rootMessage(e), answer);
    }

    private static Evidence.Answer answer(X509Certificate leaf, Map<String, String> more) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("subject", leaf.getSubjectX500Principal().getName());
        facts.put("issuer", leaf.getIssuerX500Principal().getName());
        facts.put("names", names(leaf));
        facts.put("not-before", leaf.getNotBefore().toInstant().toString());
        facts.put("not-after", leaf.getNotAfter().toInstant().toString());
        facts.put("serial", leaf.getSerialNumber().toString(16));
        facts.putAll(more);
        return new Evidence.Answer(OptionalInt.empty(), Map.of(), facts, "");
    }

    private static String names(X509Certificate leaf) {
        try {
            var alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives == null || alternatives.isEmpty()) {
                return "no alternative names (subject " + leaf.getSubjectX500Principal().getName() + ")";
            }
            return String.join(", ", alternatives.stream().map(a -> String.valueOf(a.get(1))).toList());
        } catch (CertificateException e) {
            return "unreadable alternative names";
        }
    }

    private static String expiredAgo(X509Certificate leaf, Instant now) {
        Instant notAfter = leaf.getNotAfter().toInstant();
        return "on " + DATE.format(notAfter) + " (" + days(Duration.between(notAfter, now).toDays()) + " ago)";
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Delegates every decision; only remembers the server's leaf certificate for the evidence. */
    private static final class CapturingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        private final AtomicReference<X509Certificate> leaf = new AtomicReference<>();

        CapturingTrustManager(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        X509Certificate leaf() {
            return leaf.get();
        }

        private void capture(X509Certificate[] chain) {
            if (chain != null && chain.length > 0) {
                leaf.set(chain[0]);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            capture(chain);
            delegate.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                throws CertificateException {
            capture(chain);
            delegate.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            capture(chain);
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
