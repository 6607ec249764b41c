package dev.countdown.probe;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway CA and server certificates with chosen names and validity, made in memory. */
final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    record Issued(X509Certificate certificate, PrivateKey key) {
    }

    private TestCertificates() {
    }

    static Issued authority(String name) {
        KeyPair keys = keys();
        Instant now = Instant.now();
        return sign(new X500Name("CN=" + name), keys, new X500Name("CN=" + name), keys.getPrivate(), now.minusSeconds(3600),
                now.plusSeconds(3650L * 86_400), true);
    }

    /** A server certificate for {@code names} (DNS names or IP addresses) valid between the two instants. */
    static Issued server(Issued authority, Instant notBefore, Instant notAfter, String... names) {
        KeyPair keys = keys();
        X500Name issuer = new X500Name(authority.certificate().getSubjectX500Principal().getName());
        return sign(new X500Name("CN=" + names[0]), keys, issuer, authority.key(), notBefore, notAfter, false, names);
    }

    static X509ExtendedTrustManager trusting(X509Certificate... anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.length; i++) {
                store.setCertificateEntry("anchor-" + i, anchors[i]);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X509 trust manager");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a server presenting {@code server} (and its issuer) needs. */
    static SSLContext serverContext(Issued server, Issued authority) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test".toCharArray();
            store.setKeyEntry("server", server.key(), password,
                    new X509Certificate[] {server.certificate(), authority.certificate()});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Issued sign(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey, Instant notBefore,
                               Instant notAfter, boolean authority, String... names) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            if (authority) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                GeneralName[] alternatives = new GeneralName[names.length];
                for (int i = 0; i < names.length; i++) {
                    alternatives[i] = names[i].matches("[0-9.]+")
                            ? new GeneralName(GeneralName.iPAddress, names[i])
                            : new GeneralName(GeneralName.dNSName, names[i]);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
            return new Issued(certificate, keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
