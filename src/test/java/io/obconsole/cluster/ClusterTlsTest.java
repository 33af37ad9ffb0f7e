package io.obconsole.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.ManualClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 7 (the console side): the encryption password in {@code SET ENCRYPTION}
 * crosses the network only as the cluster's TLS settings allow.
 */
class ClusterTlsTest {

    private ManualClock clock;
    private DemoCluster cluster;
    private ClusterGateway gateway;

    @BeforeEach
    void start() {
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoClusters.start(clock);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        cluster.close();
    }

    private ClusterGateway gateway(ClusterTls tls) {
        gateway = new ClusterGateway(new ClusterPools(List.of(DemoClusters.sys("demo", cluster).withTls(tls)
                .withTimeouts(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10)))));
        return gateway;
    }

    private List<ObStatement> encryptedBackup() {
        ObDialect dialect = gateway.dialect("demo");
        TenantName mysql = dialect.tenant("mysql_tenant", gateway.snapshot("demo").tenantNames());
        return List.of(dialect.setEncryption("S3cret!".toCharArray()), dialect.backup(false, List.of(mysql), false, null));
    }

    private List<String> received() {
        return cluster.control().statementsReceived().stream()
                .filter(sql -> sql.startsWith("SET ENCRYPTION") || sql.startsWith("ALTER SYSTEM")).toList();
    }

    @Test
    void verifyCaWithTheClustersCaSendsThePasswordOverTls() {
        ClusterGateway verified = gateway(new ClusterTls(ClusterTls.Mode.VERIFY_CA, Optional.of(cluster.caFile()), true));
        assertThat(verified.passwordsTravelEncrypted("demo")).isTrue();
        cluster.control().resetStatements();

        verified.run("demo", encryptedBackup());

        assertThat(received()).hasSize(2).first().asString().startsWith("SET ENCRYPTION ON IDENTIFIED BY");
        clock.advanceSeconds(600);
    }

    @Test
    void requiredForPasswordsRefusesAPlainConnectionBeforeSendingAnything() {
        ClusterGateway plain = gateway(new ClusterTls(ClusterTls.Mode.DISABLED, Optional.empty(), true));
        List<ObStatement> statements = encryptedBackup();
        cluster.control().resetStatements();

        assertThatThrownBy(() -> plain.run("demo", statements)).isInstanceOf(UnencryptedConnectionException.class)
                .hasMessageContaining("not encrypted");
        assertThat(received()).isEmpty();
        assertThat(plain.passwordsTravelEncrypted("demo")).isFalse();
    }

    @Test
    void preferredFallsBackToPlainWhenTheClusterStopsOfferingTlsAndThePasswordIsThenRefused() {
        ClusterGateway preferred = gateway(new ClusterTls(ClusterTls.Mode.PREFERRED, Optional.empty(), true));
        assertThat(preferred.passwordsTravelEncrypted("demo")).isTrue();
        List<ObStatement> statements = encryptedBackup();
        cluster.control().offerTls(false);
        cluster.control().resetStatements();

        assertThat(preferred.passwordsTravelEncrypted("demo")).isFalse();
        assertThatThrownBy(() -> preferred.run("demo", statements)).isInstanceOf(UnencryptedConnectionException.class);
        assertThat(received()).isEmpty();
    }

    @Test
    void withoutTheRequirementAPlainConnectionStillCarriesThePassword() {
        ClusterGateway plain = gateway(ClusterTls.disabled());
        List<ObStatement> statements = encryptedBackup();
        cluster.control().resetStatements();

        plain.run("demo", statements);

        assertThat(received()).hasSize(2);
        clock.advanceSeconds(600);
    }

    @Test
    void verifyModesNeedACaFile() {
        assertThatThrownBy(() -> DemoClusters.sys("demo", cluster)
                .withTls(new ClusterTls(ClusterTls.Mode.VERIFY_CA, Optional.empty(), false)))
                .hasMessageContaining("tls.ca-file");
        assertThat(ClusterTls.Mode.parse("verify-ca")).isEqualTo(ClusterTls.Mode.VERIFY_CA);
    }
}
