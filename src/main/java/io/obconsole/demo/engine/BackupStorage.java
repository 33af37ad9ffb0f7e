package io.obconsole.demo.engine;

import io.obconsole.demo.sql.SqlError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The storage behind backup and archive destinations, as far as OceanBase looks at it when a
 * destination is set: OceanBase writes a format file naming the tenant and the use at the
 * destination's root; a root with other files and no format file is 9080, one whose format file
 * names another tenant or use is 9081. Credentials in the URI are kept as OceanBase keeps them:
 * {@code access_key} is replaced by an {@code encrypt_key}, never shown again in clear. The files
 * themselves lie in the fleet's {@link SharedStorage}: this is one cluster's view of it.
 */
final class BackupStorage {

    enum Use { DATA, ARCHIVE }

    /** Whose format file lies at a root: the tenant and the use, and the cluster that wrote it. */
    record Owner(Cluster writer, long tenantId, Use use) {
    }

    private static final Set<String> SCHEMES = Set.of("file", "oss", "cos", "s3");
    private static final Pattern ACCESS_KEY = Pattern.compile("(?i)([?&])access_key=([^&]*)");

    private final Cluster cluster;
    private final SharedStorage shared;

    BackupStorage(Cluster cluster, SharedStorage shared) {
        this.cluster = cluster;
        this.shared = shared;
    }

    /**
     * Claims {@code uri} for the tenant's {@code use} and returns the value OceanBase stores.
     *
     * @throws SqlError 9026 for a URI OceanBase cannot use, 9080 or 9081 for a root already holding files
     */
    String claim(String uri, long tenantId, Use use) throws SqlError {
        String root = root(uri);
        SharedStorage.Claim mine = new SharedStorage.Claim(cluster, tenantId, use);
        synchronized (shared) {
            SharedStorage.Claim owner = shared.claimAt(root);
            if (owner != null && !owner.equals(mine)) {
                throw Errors.destOfAnother();
            }
            if (owner == null && shared.foreignAt(root)) {
                throw Errors.destNotEmpty();
            }
            shared.put(root, mine);
        }
        return stored(uri);
    }

    /** Whose format file lies at {@code uri}'s root, or null when OceanBase never wrote one there. */
    Owner ownerOf(String uri) throws SqlError {
        SharedStorage.Claim claim = shared.claimAt(root(uri));
        return claim == null ? null : new Owner(claim.writer(), claim.tenantId(), claim.use());
    }

    /** What a restarted demo cluster must find again: each root's format file as {@code tenantId:USE}. */
    Map<String, String> formatFiles() {
        Map<String, String> out = new java.util.TreeMap<>();
        shared.writtenBy(cluster).forEach((root, owner) -> out.put(root, owner.tenantId() + ":" + owner.use()));
        return out;
    }

    java.util.List<String> foreignFiles() {
        return shared.foreign();
    }

    /** The cluster stops: the storage no longer reads what it wrote through it. */
    void release() {
        shared.release(cluster);
    }

    /** The state {@link #formatFiles()} and {@link #foreignFiles()} saved; null (an older state file) is nothing. */
    void restore(Map<String, String> saved, java.util.List<String> foreign) {
        if (saved != null) {
            saved.forEach((root, owner) -> shared.put(root, new SharedStorage.Claim(cluster,
                    Long.parseLong(owner.substring(0, owner.indexOf(':'))), Use.valueOf(owner.substring(owner.indexOf(':') + 1)))));
        }
        if (foreign != null) {
            foreign.forEach(shared::putForeign);
        }
    }

    /** Registers a destination the scenario starts with, as if OceanBase had set it. */
    void seed(String uri, long tenantId, Use use) {
        try {
            shared.put(root(uri), new SharedStorage.Claim(cluster, tenantId, use));
        } catch (SqlError e) {
            throw new IllegalArgumentException("not a destination: " + uri, e);
        }
    }

    /** A lever for tests and the demo: files not written by OceanBase lie at {@code uri}'s root. */
    void putForeignFiles(String uri) {
        try {
            shared.putForeign(root(uri));
        } catch (SqlError e) {
            throw new IllegalArgumentException("not a destination: " + uri, e);
        }
    }

    /** {@code scheme://path} without the query and trailing slashes: what the format file is keyed by. */
    static String root(String uri) throws SqlError {
        int colon = uri.indexOf("://");
        if (colon <= 0 || !SCHEMES.contains(uri.substring(0, colon).toLowerCase(Locale.ROOT))) {
            throw Errors.invalidBackupDest();
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        while (path.endsWith("/") && path.length() > colon + 3) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.length() <= colon + 3 || path.chars().anyMatch(Character::isWhitespace)) {
            throw Errors.invalidBackupDest();
        }
        boolean objectStorage = !uri.regionMatches(true, 0, "file", 0, 4);
        if (objectStorage && (query < 0 || !uri.contains("host="))) {
            // an object storage URI names its endpoint (host=...) or OceanBase cannot reach it
            throw Errors.invalidBackupDest();
        }
        return uri.substring(0, colon).toLowerCase(Locale.ROOT) + path.substring(colon);
    }

    /** The URI as OceanBase keeps it: {@code access_key=<clear>} becomes {@code encrypt_key=<hex>}. */
    static String stored(String uri) {
        Matcher m = ACCESS_KEY.matcher(uri);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "encrypt_key=" + encrypt(m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encrypt(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("demo-root-key:" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
