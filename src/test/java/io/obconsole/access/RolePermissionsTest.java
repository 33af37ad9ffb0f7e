package io.obconsole.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role × scope × action matrix of issue 5, decided on plain Operators. */
class RolePermissionsTest {

    private final RolePermissions permissions = new RolePermissions(null);

    private static Operator person(String role, String... scopes) {
        return new Operator("p", "sub", role == null ? Set.of() : Set.of(role), List.of(scopes), "127.0.0.1");
    }

    private static final Operator VIEWER_ALL = person(ConsoleRole.VIEWER, "demo/*");
    private static final Operator VIEWER_ONE = person(ConsoleRole.VIEWER, "demo/mysql_tenant");
    private static final Operator OPERATOR_ONE = person(ConsoleRole.OPERATOR, "demo/mysql_tenant");
    private static final Operator OPERATOR_ALL = person(ConsoleRole.OPERATOR, "demo/*");
    private static final Operator ADMIN_NO_SCOPES = person(ConsoleRole.ADMIN);
    private static final Operator NO_ROLE_ALL_SCOPES = person(null, "demo/*");
    private static final Operator OTHER_ROLE = person("offline_access", "demo/*");

    @Test
    void viewerReadsInScopeButNeverOperates() {
        assertThat(permissions.canView(VIEWER_ALL, "demo", "oracle_tenant")).isTrue();
        assertThat(permissions.canView(VIEWER_ALL, "demo", "*")).isTrue();
        assertThat(permissions.canOperate(VIEWER_ALL, "demo", "mysql_tenant")).isFalse();
        assertThat(permissions.canOperateAllTenants(VIEWER_ALL, "demo")).isFalse();
        assertThat(permissions.isAdmin(VIEWER_ALL)).isFalse();
    }

    @Test
    void viewerWithOneTenantSeesOnlyThatTenant() {
        assertThat(permissions.canView(VIEWER_ONE, "demo", "mysql_tenant")).isTrue();
        assertThat(permissions.canView(VIEWER_ONE, "demo", "oracle_tenant")).isFalse();
        assertThat(permissions.canView(VIEWER_ONE, "demo", "*")).isFalse();
        assertThat(permissions.canView(VIEWER_ONE, "other", "mysql_tenant")).isFalse();
    }

    @Test
    void operatorInScopeStartsAndCancelsOnlyThere() {
        assertThat(permissions.canOperate(OPERATOR_ONE, "demo", "mysql_tenant")).isTrue();
        assertThat(permissions.canView(OPERATOR_ONE, "demo", "mysql_tenant")).isTrue();
        assertThat(permissions.canOperate(OPERATOR_ONE, "demo", "oracle_tenant")).isFalse();
        assertThat(permissions.canView(OPERATOR_ONE, "demo", "oracle_tenant")).isFalse();
    }

    @Test
    void allTenantsNeedsTheWholeClusterScope() {
        assertThat(permissions.canOperateAllTenants(OPERATOR_ONE, "demo")).isFalse();
        assertThat(permissions.canOperate(OPERATOR_ONE, "demo", "*")).isFalse();
        assertThat(permissions.canOperateAllTenants(OPERATOR_ALL, "demo")).isTrue();
        assertThat(permissions.canOperate(OPERATOR_ALL, "demo", "*")).isTrue();
        assertThat(permissions.canOperateAllTenants(OPERATOR_ALL, "prod")).isFalse();
    }

    @Test
    void adminDoesEverythingEvenWithoutScopes() {
        assertThat(permissions.isAdmin(ADMIN_NO_SCOPES)).isTrue();
        assertThat(permissions.canView(ADMIN_NO_SCOPES, "anything", "any_tenant")).isTrue();
        assertThat(permissions.canOperate(ADMIN_NO_SCOPES, "anything", "any_tenant")).isTrue();
        assertThat(permissions.canOperateAllTenants(ADMIN_NO_SCOPES, "anything")).isTrue();
        assertThat(permissions.viewScope(ADMIN_NO_SCOPES)).isEqualTo(TenantScope.ALL);
    }

    @Test
    void withoutAConsoleRoleScopesGrantNothing() {
        for (Operator nobody : List.of(NO_ROLE_ALL_SCOPES, OTHER_ROLE)) {
            assertThat(permissions.canView(nobody, "demo", "mysql_tenant")).isFalse();
            assertThat(permissions.canOperate(nobody, "demo", "mysql_tenant")).isFalse();
            assertThat(permissions.canOperateAllTenants(nobody, "demo")).isFalse();
            assertThat(permissions.isAdmin(nobody)).isFalse();
            assertThat(permissions.viewScope(nobody).isEmpty()).isTrue();
        }
    }

    @Test
    void invalidPatternsAreIgnoredAndMatchingIsExact() {
        Operator globber = person(ConsoleRole.OPERATOR, "demo/mysql*", "*/*", "demo", "demo/", "/mysql_tenant",
                "demo/mysql_tenant/x", " demo/analytics", "demo/oracle_tenant");
        assertThat(permissions.canOperate(globber, "demo", "mysql_tenant")).isFalse();
        assertThat(permissions.canOperate(globber, "demo", "analytics")).isFalse();
        assertThat(permissions.canOperate(globber, "other", "oracle_tenant")).isFalse();
        assertThat(permissions.canOperateAllTenants(globber, "demo")).isFalse();
        assertThat(permissions.canOperate(globber, "demo", "oracle_tenant")).isTrue();
        assertThat(permissions.canOperate(globber, "demo", "ORACLE_TENANT")).isFalse();
    }

    @Test
    void nullPersonOrNullNamesAreNeverAllowed() {
        assertThat(permissions.canView(null, "demo", "mysql_tenant")).isFalse();
        assertThat(permissions.canView(VIEWER_ALL, null, "mysql_tenant")).isFalse();
        assertThat(permissions.canOperate(OPERATOR_ALL, "demo", null)).isFalse();
    }
}
