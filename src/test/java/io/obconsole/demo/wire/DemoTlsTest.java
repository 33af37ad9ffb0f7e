package io.obconsole.demo.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.JdbcConnection;
import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.DemoConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, finding 7 (the demo side): the demo cluster offers TLS in its handshake, as an
 * OceanBase observer with TLS configured does, so real clients can require and verify it.
 */
class DemoTlsTest {

    private DemoCluster cluster;

    @TempDir
    Path temp;

    @BeforeEach
    void start() {
        cluster = DemoCluster.start(DemoConfig.builder().port(0).build());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private Connection connect(Properties tls) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "root@sys");
        props.setProperty("password", "demo");
        props.setProperty("connectTimeout", "5000");
        props.putAll(tls);
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + cluster.port() + "/oceanbase", props);
    }

    private static Properties mode(String sslMode) {
        Properties props = new Properties();
        props.setProperty("sslMode", sslMode);
        return props;
    }

    private static boolean encrypted(Connection c) throws SQLException {
        return c.unwrap(JdbcConnection.class).getSession().isSSLEstablished();
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A PKCS12 trust store holding the certificate(s) of a PEM file, as Connector/J reads it. */
    private Properties verifyCaWith(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (var certificate : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, certificate);
            }
        }
        Path file = Files.createTempFile(temp, "trust", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        Properties props = mode("VERIFY_CA");
        props.setProperty("trustCertificateKeyStoreUrl", file.toUri().toString());
        props.setProperty("trustCertificateKeyStoreType", "PKCS12");
        props.setProperty("trustCertificateKeyStorePassword", "changeit");
        props.setProperty("fallbackToSystemTrustStore", "false");
        return props;
    }

    @Test
    void aClientThatRequiresTlsGetsAnEncryptedSession() throws Exception {
        try (Connection c = connect(mode("REQUIRED"))) {
            assertThat(encrypted(c)).isTrue();
            assertThat(one(c, "SELECT ob_version()")).isEqualTo("4.2.1.0");
        }
    }

    @Test
    void aClientThatPrefersTlsGetsItToo() throws Exception {
        try (Connection c = connect(mode("PREFERRED"))) {
            assertThat(encrypted(c)).isTrue();
        }
    }

    @Test
    void aClientVerifiesTheDemoCertificateAgainstItsCaFile() throws Exception {
        try (Connection c = connect(verifyCaWith(cluster.caFile()))) {
            assertThat(encrypted(c)).isTrue();
            assertThat(one(c, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void aClientThatTrustsAnotherCaRefusesTheDemoCluster() throws Exception {
        Path otherCa = temp.resolve("other.pem");
        Path otherStore = temp.resolve("other.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt", "-alias", "other", "-keyalg", "EC", "-dname", "CN=someone else",
                "-storetype", "PKCS12", "-keystore", otherStore.toString(), "-storepass", "changeit").inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).isTrue();
        KeyStore other = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(otherStore)) {
            other.load(in, "changeit".toCharArray());
        }
        Files.writeString(otherCa, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(other.getCertificate("other").getEncoded())
                + "\n-----END CERTIFICATE-----\n");

        Properties wrongCa = verifyCaWith(otherCa);
        assertThatThrownBy(() -> connect(wrongCa).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void withTlsSwitchedOffARequiringClientIsRefusedAndAPreferringOneStaysPlain() throws Exception {
        cluster.control().offerTls(false);
        assertThatThrownBy(() -> connect(mode("REQUIRED")).close()).isInstanceOf(SQLException.class);
        try (Connection c = connect(mode("PREFERRED"))) {
            assertThat(encrypted(c)).isFalse();
        }
        cluster.control().offerTls(true);
        try (Connection c = connect(mode("REQUIRED"))) {
            assertThat(encrypted(c)).isTrue();
        }
    }

    @Test
    void theMariadbClientConnectsWithTlsAndVerifiesTheCertificate() throws Exception {
        Process cli = new ProcessBuilder("/usr/bin/mariadb", "--no-defaults", "-h", "127.0.0.1", "-P",
                String.valueOf(cluster.port()), "-u", "root@sys", "-pdemo", "--ssl", "--ssl-ca=" + cluster.caFile(),
                "--ssl-verify-server-cert", "--connect-timeout=5", "-e", "status").start();
        cli.getOutputStream().close();
        assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.exitValue()).as(err).isZero();
        assertThat(out).containsPattern("SSL:\\s+Cipher in use is \\S+");
    }
}
