package io.obconsole.web;

import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page-load benchmark's client (run by {@code docs/bench/page-load.sh}, never by the test
 * run): signs in N people through Keycloak's login form, then each of them loads the overview, a
 * tenant page, the Jobs page and a static asset of the same server in turn for the given time.
 * Prints p50/p99 per page and their ratio to the static asset, and the statements the clusters
 * received per page view (the console's own metric, requests other than the poller's rounds).
 *
 * <pre>java ... io.obconsole.web.PageLoadBench http://localhost:8080 http://localhost:9000 100 60 ada,vera,olga,otto</pre>
 */
public final class PageLoadBench {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern STATEMENTS = Pattern.compile(
            "obconsole_cluster_statements_total\\{[^}]*source=\"(\\w+)\"[^}]*\\} ([0-9.E]+)");

    private PageLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        String console = args[0];
        String management = args[1];
        int users = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String[] people = args[4].split(",");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("tenant", "/clusters/demo/tenants/mysql_tenant");
        pages.put("jobs", "/jobs");
        pages.put("static", "/assets/console.css");

        List<HttpClient> sessions = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            sessions.add(signIn(console, people[i % people.length]));
        }
        System.out.printf("%d people signed in%n", users);
        String marker = System.getProperty("bench.tenantPageShows");
        if (marker != null) {
            // e.g. a long history the script asked the demo for: measure once the poller has read it
            HttpClient first = sessions.get(0);
            AtomicReference<String> body = new AtomicReference<>("");
            await("the tenant page showing '" + marker + "'").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        body.set(first.send(HttpRequest.newBuilder(URI.create(console + pages.get("tenant"))).GET().build(),
                                HttpResponse.BodyHandlers.ofString()).body());
                        return body.get().contains(marker);
                    });
            System.out.printf("the tenant page shows '%s': %,d bytes%n", marker,
                    body.get().getBytes(StandardCharsets.UTF_8).length);
        }

        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        pages.keySet().forEach(page -> latencies.put(page, new CopyOnWriteArrayList<>()));
        List<String> failures = new CopyOnWriteArrayList<>();
        Map<String, Double> before = statements(management);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(users);
        List<String> order = List.copyOf(pages.keySet());
        for (int i = 0; i < users; i++) {
            HttpClient session = sessions.get(i);
            int first = i;
            Thread thread = new Thread(() -> {
                try {
                    for (int n = first; System.nanoTime() < end; n++) {
                        String page = order.get(n % order.size());
                        long started = System.nanoTime();
                        HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(console + pages.get(page)))
                                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - started;
                        if (response.statusCode() == 200) {
                            latencies.get(page).add(took);
                        } else {
                            failures.add(page + " " + response.statusCode());
                        }
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        Map<String, Double> after = statements(management);

        double staticP50 = percentile(latencies.get("static"), 50);
        double staticP99 = percentile(latencies.get("static"), 99);
        long pageViews = 0;
        System.out.printf("%-9s %8s %8s %10s %10s %9s %9s%n", "page", "count", "req/s", "p50 ms", "p99 ms", "p50/static",
                "p99/static");
        for (String page : order) {
            List<Long> values = latencies.get(page);
            if (!page.equals("static")) {
                pageViews += values.size();
            }
            double p50 = percentile(values, 50);
            double p99 = percentile(values, 99);
            System.out.printf("%-9s %8d %8.1f %10.1f %10.1f %9.1fx %9.1fx%n", page, values.size(),
                    values.size() / (double) seconds, p50, p99, p50 / staticP50, p99 / staticP99);
        }
        double fromRequests = after.getOrDefault("other", 0.0) - before.getOrDefault("other", 0.0);
        double fromPoller = after.getOrDefault("poller", 0.0) - before.getOrDefault("poller", 0.0);
        System.out.printf("statements the clusters received: %.0f from requests (%.3f per page view over %d page views), "
                + "%.0f from the poller's rounds in %d s%n", fromRequests, pageViews == 0 ? 0 : fromRequests / pageViews,
                pageViews, fromPoller, seconds);
        System.out.printf("failed requests: %d%s%n", failures.size(), failures.isEmpty() ? "" : " e.g. " + failures.get(0));
    }

    /** A person's own browser session: Keycloak's login form, then back to the console with a session cookie. */
    static HttpClient signIn(String console, String person) throws Exception {
        // Keycloak marks its login cookies Secure; browsers return them to http://localhost (a secure
        // context), Java's cookie manager only over https: keep them as a browser on localhost does
        java.net.CookieStore store = new CookieManager().getCookieStore();
        java.net.CookieStore asOnLocalhost = new java.net.CookieStore() {
            public void add(URI uri, java.net.HttpCookie cookie) {
                cookie.setSecure(false);
                store.add(uri, cookie);
            }

            public List<java.net.HttpCookie> get(URI uri) {
                return store.get(uri);
            }

            public List<java.net.HttpCookie> getCookies() {
                return store.getCookies();
            }

            public List<URI> getURIs() {
                return store.getURIs();
            }

            public boolean remove(URI uri, java.net.HttpCookie cookie) {
                return store.remove(uri, cookie);
            }

            public boolean removeAll() {
                return store.removeAll();
            }
        };
        CookieManager cookies = new CookieManager(asOnLocalhost, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(console + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (!form.find()) {
            throw new IllegalStateException("no Keycloak login form at " + login.uri());
        }
        String action = form.group(1).replace("&amp;", "&");
        String body = "username=" + URLEncoder.encode(person, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(person, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> landed = client.send(HttpRequest.newBuilder(login.uri().resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(console)) {
            throw new IllegalStateException(person + " not signed in: " + landed.statusCode() + " at " + landed.uri());
        }
        return client;
    }

    private static Map<String, Double> statements(String management) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(management + "/q/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Double> bySource = new LinkedHashMap<>();
        Matcher m = STATEMENTS.matcher(metrics.body());
        while (m.find()) {
            bySource.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
        }
        return bySource;
    }

    private static double percentile(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
