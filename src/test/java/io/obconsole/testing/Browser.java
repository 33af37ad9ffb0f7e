package io.obconsole.testing;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Chromium (Debian's {@code /usr/bin/chromium}, never a downloaded browser) driven by
 * Playwright. Browser tests are required when {@code CI=true} or
 * {@code OBC_BROWSER_TESTS=required}: then a missing Chromium fails the run instead of skipping.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("OBC_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    /** Starts Chromium, or skips the test (fails it when browser tests are required) if it is missing. */
    public static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Chromium not found at " + CHROMIUM + " (install it: apt-get install chromium)";
            if (required()) {
                throw new IllegalStateException(message + "; browser tests are required in this run");
            }
            Assumptions.abort(message + "; browser test skipped");
        }
        return new Browser();
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "required".equalsIgnoreCase(System.getenv("OBC_BROWSER_TESTS"));
    }

    /** A fresh browser profile (no cookies) with one page. */
    public Page newPage() {
        return newPage(new NewContextOptions());
    }

    /** A fresh browser profile whose clock and language are a reader's elsewhere, e.g. {@code Asia/Kolkata}, {@code en-GB}. */
    public Page newPageIn(String timezoneId, String locale) {
        return newPage(new NewContextOptions().setTimezoneId(timezoneId).setLocale(locale));
    }

    private Page newPage(NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setViewportSize(1366, 900));
        // Keycloak renders its first login page slowly on a busy 2-core machine
        context.setDefaultTimeout(30_000);
        context.setDefaultNavigationTimeout(90_000);
        return context.newPage();
    }

    /** A fresh page signed in as a demo user (whose password is their name) at {@code url}. */
    public Page signedIn(String url, String username) {
        Page page = newPage();
        signIn(page, url, username, username);
        return page;
    }

    /** Signs in through the real Keycloak login page; the page is left on wherever the console sends it. */
    public static void signIn(Page page, String url, String username, String password) {
        page.navigate(url);
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(u -> u.startsWith(url.replaceAll("(https?://[^/]+).*", "$1")));
    }

    /** Ticks exactly these tenants on the start form (and unticks every other), as a person clicks them. */
    public static void chooseTenants(Page page, String... tenants) {
        List<String> chosen = List.of(tenants);
        for (Locator box : page.locator("#tenants input[name=tenants]").all()) {
            box.setChecked(chosen.contains(box.getAttribute("value")));
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
