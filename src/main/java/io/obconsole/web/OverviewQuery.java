package io.obconsole.web;

import io.obconsole.backup.InvalidRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one overview shows, from its address (so a link reproduces the view): a search by cluster or
 * tenant name, a filter by state, and the healthy clusters opened on demand.
 *
 * @param search a piece of a cluster's or tenant's name, or "cluster/tenant" (case-insensitive); empty: all
 * @param state  only tenants in this state; null: all
 * @param open   clusters opened although healthy and folded
 */
public record OverviewQuery(String search, TenantHealth state, Set<String> open) {

    static final int MAX_SEARCH = 128;

    public static final OverviewQuery ALL = new OverviewQuery("", null, Set.of());

    /** The page's parameters, or a clear refusal of a state that is not one. */
    static OverviewQuery of(String search, String state, List<String> open) {
        String words = search == null ? "" : search.trim();
        if (words.length() > MAX_SEARCH) {
            throw new InvalidRequestException("Search for at most " + MAX_SEARCH + " characters of a cluster or tenant name");
        }
        TenantHealth health = TenantHealth.ofParam(state);
        if (health == null && state != null && !state.isBlank()) {
            throw new InvalidRequestException("Filter by one of the states "
                    + Arrays.stream(TenantHealth.values()).map(TenantHealth::param).collect(Collectors.joining(", "))
                    + "; got '" + state.trim() + "'", "Filter by one of the overview's states");
        }
        Set<String> opened = new TreeSet<>();
        if (open != null) {
            open.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).forEach(opened::add);
        }
        return new OverviewQuery(words, health, Set.copyOf(opened));
    }

    /** Whether a search or a filter narrows the view. */
    public boolean narrowed() {
        return !search.isEmpty() || state != null;
    }

    /** Whether the search names the cluster itself (then all its tenants are shown); "cluster/tenant" names a tenant. */
    boolean matchesCluster(String cluster) {
        return !search.isEmpty() && search.indexOf('/') < 0 && contains(cluster, search);
    }

    /** Whether the search finds the tenant: by its name, or as "cluster/tenant" (each part a piece of the name). */
    boolean matchesTenant(String cluster, String tenant) {
        int slash = search.indexOf('/');
        if (slash < 0) {
            return contains(tenant, search);
        }
        return contains(cluster, search.substring(0, slash)) && contains(tenant, search.substring(slash + 1));
    }

    private static boolean contains(String name, String part) {
        return name.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /** This view filtered by {@code health} instead (null: no filter). */
    public String withState(TenantHealth health) {
        return href(search, health, open);
    }

    /** This view with {@code cluster} opened. */
    public String opening(String cluster) {
        Set<String> more = new TreeSet<>(open);
        more.add(cluster);
        return href(search, state, more);
    }

    /** The filter's value in the form ("" for all). */
    public String stateParam() {
        return state == null ? "" : state.param();
    }

    private static String href(String search, TenantHealth state, Set<String> open) {
        List<String> params = new ArrayList<>();
        if (!search.isEmpty()) {
            params.add("q=" + encode(search));
        }
        if (state != null) {
            params.add("state=" + state.param());
        }
        new TreeSet<>(open).forEach(cluster -> params.add("open=" + encode(cluster)));
        return params.isEmpty() ? "/" : "/?" + String.join("&", params);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
