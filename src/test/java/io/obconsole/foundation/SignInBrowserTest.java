package io.obconsole.foundation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.obconsole.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** A new user's first minutes, in real Chromium: sign in through Keycloak, see the tenants, sign out. */
@QuarkusTest
class SignInBrowserTest {

    @TestHTTPResource("/")
    URL console;

    @Test
    void veraSignsInThroughKeycloakSeesTheUserTenantsAndSignsOut() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(console.toString());
            assertThat(page.locator("#kc-login")).isVisible();

            Browser.signIn(page, console.toString(), "vera", "vera");

            assertThat(page.locator("body")).containsText("vera");
            for (String tenant : new String[] {"mysql_tenant", "oracle_tenant", "analytics"}) {
                assertThat(page.getByText(tenant, new Page.GetByTextOptions().setExact(true)).first()).isVisible();
            }
            assertThat(page.locator("main")).not().containsText("META$");
            assertThat(page.locator("main")).not().containsText("sys tenant");

            page.getByText("Sign out", new Page.GetByTextOptions().setExact(true)).first().click();
            page.waitForURL(u -> u.contains("/signed-out"));
            page.navigate(console.toString());
            assertThat(page.locator("#kc-login")).isVisible();
        }
    }
}
