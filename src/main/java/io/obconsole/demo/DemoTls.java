package io.obconsole.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The demo cluster's TLS identity: a self-signed certificate for {@code localhost} and
 * {@code 127.0.0.1}, made with the JDK's own {@code keytool} the first time and kept in a
 * directory (by default {@code target/demo-tls}), next to its certificate as {@code ca.pem} for
 * clients that verify it ({@code sslMode=VERIFY_CA}, {@code mariadb --ssl-ca}). Demo only: a real
 * cluster's certificate comes from its operators.
 */
public final class DemoTls {

    /** Where the demo's key and certificate live unless {@code obconsole.demo.tls-dir} says otherwise. */
    public static final String DEFAULT_DIR = "target/demo-tls";

    private static final String STORE = "server.p12";
    private static final String CA = "ca.pem";
    private static final char[] PASSWORD = "demo-tls".toCharArray();
    private static final Duration RENEW_BEFORE = Duration.ofDays(7);
    private static final Map<Path, DemoTls> LOADED = new ConcurrentHashMap<>();

    private final Path dir;
    private final SSLContext serverContext;

    private DemoTls(Path dir, SSLContext serverContext) {
        this.dir = dir;
        this.serverContext = serverContext;
    }

    /** The TLS identity of demo clusters started by this JVM. */
    public static DemoTls forDemo() {
        return in(Path.of(System.getProperty("obconsole.demo.tls-dir", DEFAULT_DIR)));
    }

    /** The identity kept in {@code dir}, made there first if it is missing or about to expire. */
    public static DemoTls in(Path dir) {
        return LOADED.computeIfAbsent(dir.toAbsolutePath().normalize(), DemoTls::load);
    }

    public SSLContext serverContext() {
        return serverContext;
    }

    /** The certificate in PEM, the trust anchor for clients that verify the demo cluster. */
    public Path caFile() {
        return dir.resolve(CA);
    }

    private static DemoTls load(Path dir) {
        try {
            Files.createDirectories(dir);
            KeyStore store = readUsable(dir.resolve(STORE));
            if (store == null) {
                generate(dir);
                store = readUsable(dir.resolve(STORE));
                if (store == null) {
                    throw new IllegalStateException("keytool made no usable key store in " + dir);
                }
            }
            X509Certificate certificate = (X509Certificate) store.getCertificate("demo");
            writePem(dir.resolve(CA), certificate);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new DemoTls(dir, context);
        } catch (IOException e) {
            throw new UncheckedIOException("demo TLS material in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("demo TLS material in " + dir, e);
        }
    }

    /** The key store if it exists and its certificate is valid for a while yet; null otherwise. */
    private static KeyStore readUsable(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            X509Certificate certificate = (X509Certificate) store.getCertificate("demo");
            if (certificate == null || certificate.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
                return null;
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    /** Runs the JDK's keytool into a temporary file, then moves it in place (another JVM may read the directory). */
    private static void generate(Path dir) throws IOException {
        Path temp = Files.createTempFile(dir, "server", ".p12");
        Files.delete(temp);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", "demo", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "365",
                "-dname", "CN=localhost, OU=OB Backup Console demo cluster",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "BC:c=ca:true",
                "-storetype", "PKCS12", "-keystore", temp.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        } finally {
            process.destroy();
        }
        Files.move(temp, dir.resolve(STORE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writePem(Path file, X509Certificate certificate) throws IOException, GeneralSecurityException {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        if (!Files.isRegularFile(file) || !Files.readString(file).equals(pem)) {
            Path temp = Files.createTempFile(file.getParent(), "ca", ".pem");
            Files.writeString(temp, pem);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
