package io.obconsole.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HexFormat;

/**
 * The PEM CA file an operator configures, as the PKCS12 trust store the MySQL driver reads
 * ({@code trustCertificateKeyStoreUrl}): written once per cluster to a private temporary file.
 * It holds certificates only, no secret; its password is random and lives in memory.
 */
record CaTrustStore(Path file, String password) {

    static CaTrustStore fromPem(String cluster, Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("cluster " + cluster + ": no certificate in tls.ca-file " + pem);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Path file = Files.createTempFile("obconsole-" + cluster.replaceAll("[^A-Za-z0-9_-]", "_") + "-ca", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return new CaTrustStore(file, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cluster " + cluster + ": cannot read tls.ca-file " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cluster " + cluster + ": tls.ca-file " + pem + " is not a PEM certificate", e);
        }
    }

    String url() {
        return file.toUri().toString();
    }
}
