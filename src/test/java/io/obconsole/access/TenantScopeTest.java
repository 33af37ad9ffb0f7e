package io.obconsole.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How ob_scopes patterns are read. */
class TenantScopeTest {

    @Test
    void wholeClusterAbsorbsSingleTenantsOfTheSameCluster() {
        TenantScope scope = TenantScope.of(List.of("demo/mysql_tenant", "demo/*", "prod/sales"));
        assertThat(scope.wholeClusters()).containsExactly("demo");
        assertThat(scope.tenants()).containsOnlyKeys("prod");
        assertThat(scope.patterns()).containsExactly("demo/*", "prod/sales");
    }

    @Test
    void noPatternsOrOnlyInvalidOnesCoverNothing() {
        assertThat(TenantScope.of(null).isEmpty()).isTrue();
        assertThat(TenantScope.of(List.of("", "demo/my tenant", "de mo/x", "demo/**")).isEmpty()).isTrue();
    }
}
