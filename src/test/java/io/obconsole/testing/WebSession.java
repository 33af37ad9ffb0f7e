package io.obconsole.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A browser-like web session for RestAssured page tests: signs in through the real Keycloak login
 * form (code flow), keeps the console's and Keycloak's cookies apart, follows redirects by hand,
 * and posts forms with the CSRF token the page carried.
 */
public final class WebSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> consoleCookies = new LinkedHashMap<>();
    private final Map<String, String> keycloakCookies = new LinkedHashMap<>();
    private String csrfToken;

    private WebSession() {
    }

    /** A session that has not signed in. */
    public static WebSession anonymous() {
        return new WebSession();
    }

    /** Signs in as a demo user (password = username) and lands on the overview. */
    public static WebSession signIn(String username) {
        return signIn(username, username, "/");
    }

    public static WebSession signIn(String username, String password, String path) {
        WebSession session = new WebSession();
        Response atKeycloak = session.followToKeycloak(session.get(path));
        if (atKeycloak.statusCode() != 200) {
            throw new IllegalStateException("expected Keycloak's login page, got HTTP " + atKeycloak.statusCode() + " "
                    + atKeycloak.headers() + " " + atKeycloak.asString());
        }
        session.submitLogin(atKeycloak.asString(), username, password);
        return session;
    }

    /** The console's cookies as a browser sends them (e.g. on a WebSocket upgrade). */
    public String cookieHeader() {
        return consoleCookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The console's base URL in the test profile. */
    public static String consoleUrl() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        return "http://localhost:" + port;
    }

    /** GET a console path without following redirects; remembers the page's CSRF token. */
    public Response get(String path) {
        Response response = request(consoleCookies).get(absolute(path));
        remember(consoleCookies, response);
        rememberCsrf(response);
        return response;
    }

    /** GET a console path as a browser follows a download link: any content type is welcome. */
    public Response download(String path) {
        Response response = request(consoleCookies).accept("*/*").get(absolute(path));
        remember(consoleCookies, response);
        return response;
    }

    /** GET a console path, following console redirects (not to Keycloak). */
    public Response open(String path) {
        Response response = get(path);
        for (int hops = 0; hops < 10 && isRedirect(response) && isConsole(location(response)); hops++) {
            response = get(location(response));
        }
        return response;
    }

    /** POST a form with the CSRF token of the last page read (as a browser would send it). */
    public Response post(String path, Map<String, ?> fields) {
        if (csrfToken == null) {
            get("/");
        }
        Map<String, Object> withToken = new LinkedHashMap<>(fields);
        withToken.put("csrf-token", csrfToken);
        return postWithoutToken(path, withToken);
    }

    /** POST a form exactly as given: no CSRF token is added. */
    public Response postWithoutToken(String path, Map<String, ?> fields) {
        // form values are encoded in the body; console form paths carry no query to double-encode
        RequestSpecification spec = given().redirects().follow(false).cookies(consoleCookies).accept("text/html")
                .contentType("application/x-www-form-urlencoded");
        fields.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> spec.formParam(name, v));
            } else {
                spec.formParam(name, value);
            }
        });
        Response response = spec.post(absolute(path));
        remember(consoleCookies, response);
        rememberCsrf(response);
        return response;
    }

    /** POST a body of any content type exactly as given, with the session's cookies and no CSRF token. */
    public Response postRaw(String path, String contentType, String body) {
        Response response = given().redirects().follow(false).cookies(consoleCookies).accept("text/html")
                .contentType(contentType).body(body).post(absolute(path));
        remember(consoleCookies, response);
        return response;
    }

    /** Plants a cookie in this session's jar, as an attacker who can set cookies for the console's site would. */
    public WebSession plantCookie(String name, String value) {
        consoleCookies.put(name, value);
        return this;
    }

    /** The CSRF token the last page carried. */
    public String csrfToken() {
        if (csrfToken == null) {
            get("/");
        }
        return csrfToken;
    }

    /** Another session holding a copy of this one's console cookies, as a stolen cookie would be used. */
    public WebSession copyOfCookies() {
        WebSession copy = new WebSession();
        copy.consoleCookies.putAll(consoleCookies);
        return copy;
    }

    /** Signs out with the header's button and follows the hand-over through Keycloak; returns the last page. */
    public Response signOut() {
        Response response = post("/sign-out", Map.of());
        for (int hops = 0; hops < 10 && isRedirect(response); hops++) {
            String next = location(response);
            response = isConsole(next) ? get(next) : keycloak(next);
        }
        return response;
    }

    /** Follows redirects from a console response into Keycloak; returns Keycloak's page. */
    public Response followToKeycloak(Response response) {
        for (int hops = 0; hops < 10 && isRedirect(response); hops++) {
            String next = location(response);
            response = isConsole(next) ? get(next) : keycloak(next);
        }
        return response;
    }

    private void submitLogin(String loginPage, String username, String password) {
        Matcher action = FORM_ACTION.matcher(loginPage);
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form in: " + loginPage.substring(0, Math.min(500, loginPage.length())));
        }
        Response response = request(keycloakCookies).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).formParam("credentialId", "")
                .post(action.group(1).replace("&amp;", "&"));
        remember(keycloakCookies, response);
        if (!isRedirect(response)) {
            throw new IllegalStateException("Keycloak did not accept " + username + ": HTTP " + response.statusCode());
        }
        response = get(location(response));
        for (int hops = 0; hops < 10 && isRedirect(response) && isConsole(location(response)); hops++) {
            response = get(location(response));
        }
    }

    private Response keycloak(String url) {
        Response response = request(keycloakCookies).get(url);
        remember(keycloakCookies, response);
        return response;
    }

    /** URLs from Location headers and Keycloak forms come encoded already. */
    private static RequestSpecification request(Map<String, String> cookies) {
        return given().redirects().follow(false).urlEncodingEnabled(false).cookies(cookies).accept("text/html");
    }

    private static void remember(Map<String, String> jar, Response response) {
        for (Cookie cookie : response.getDetailedCookies()) {
            if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                jar.remove(cookie.getName());
            } else {
                jar.put(cookie.getName(), cookie.getValue());
            }
        }
    }

    private void rememberCsrf(Response response) {
        String type = response.getContentType();
        if (type != null && type.startsWith("text/html")) {
            Matcher m = CSRF_FIELD.matcher(response.asString());
            if (m.find()) {
                csrfToken = m.group(1);
            }
        }
    }

    public boolean hasCookie(String prefix) {
        return consoleCookies.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }

    public static boolean isRedirect(Response response) {
        return response.statusCode() >= 300 && response.statusCode() < 400;
    }

    public static String location(Response response) {
        return response.header("Location");
    }

    private static boolean isConsole(String url) {
        return url.startsWith("/") || url.startsWith(consoleUrl());
    }

    private static String absolute(String path) {
        if (path.startsWith("http")) {
            return path;
        }
        return consoleUrl() + path;
    }

    /** The path and query of a redirect target, for asserting where a form sent the browser. */
    public static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
