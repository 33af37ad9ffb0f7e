package io.obconsole.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.testing.Demo;
import io.obconsole.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The console brings up what a first run needs: audit database with its schema, demo cluster, Keycloak realm. */
@QuarkusTest
class EmbeddedServicesTest {

    @Test
    void keycloakIssuesTokensWithRolesAndScopesForTheDemoTeams() {
        String token = Tokens.accessToken("otto");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(payload).contains("\"preferred_username\":\"otto\"")
                .contains("backup-operator")
                .contains("\"ob_scopes\":[\"demo/mysql_tenant\"]");
    }

    @Test
    void demoClusterServesItsTenantListOverTheMySqlProtocol() throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "root@sys");
        props.setProperty("password", "demo");
        props.setProperty("sslMode", "DISABLED");
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + Demo.cluster().port() + "/oceanbase", props);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT TENANT_NAME FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_TYPE = 'USER' ORDER BY TENANT_ID")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertThat(names).containsExactly("mysql_tenant", "oracle_tenant", "analytics");
        }
    }
}
