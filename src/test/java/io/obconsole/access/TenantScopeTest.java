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

    /** Issue 24, point 11: the clusters a person sees at all are those their scope names a tenant of. */
    @Test
    void aScopeReachesOnlyTheClustersItNamesATenantOrAllTenantsOf() {
        TenantScope otto = TenantScope.of(List.of("demo/mysql_tenant"));
        assertThat(otto.reaches("demo")).isTrue();
        assertThat(otto.reaches("legacy")).isFalse();
        assertThat(otto.reaches("payroll")).isFalse();
        assertThat(otto.reaches(null)).isFalse();

        assertThat(TenantScope.of(List.of("legacy/*")).reaches("legacy")).isTrue();
        // an invalid pattern names nothing, even if it starts with the cluster's name
        assertThat(TenantScope.of(List.of("payroll/pay roll", "payroll/")).reaches("payroll")).isFalse();
        assertThat(TenantScope.ALL.reaches("anything")).isTrue();
        assertThat(TenantScope.NONE.reaches("demo")).isFalse();
    }
}
