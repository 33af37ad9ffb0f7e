package io.obconsole.demo.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backup storage every cluster of a demo fleet sees, keyed by a destination's root (its URI
 * without query and trailing slashes): one per fleet, as an NFS mount or a bucket is shared by
 * every cluster that can reach it. A root holds the format file of the cluster and tenant that
 * wrote there; what lies under it (backup sets, archive pieces) is read from that writer, so a
 * tenant backed up on one cluster can be restored on another from its destination URIs. A cluster
 * started on its own gets a storage of its own.
 */
public final class SharedStorage {

    /** Whose format file lies at a root: the cluster that wrote it, the tenant and the use. */
    record Claim(Cluster writer, long tenantId, BackupStorage.Use use) {
    }

    private final Map<String, Claim> formatFiles = new HashMap<>();
    private final Set<String> foreignFiles = new HashSet<>();

    synchronized Claim claimAt(String root) {
        return formatFiles.get(root);
    }

    synchronized void put(String root, Claim claim) {
        formatFiles.put(root, claim);
    }

    synchronized boolean foreignAt(String root) {
        return foreignFiles.contains(root);
    }

    synchronized void putForeign(String root) {
        foreignFiles.add(root);
    }

    /** The roots {@code writer} wrote, with its claims. */
    synchronized Map<String, Claim> writtenBy(Cluster writer) {
        Map<String, Claim> out = new java.util.TreeMap<>();
        formatFiles.forEach((root, claim) -> {
            if (claim.writer() == writer) {
                out.put(root, claim);
            }
        });
        return out;
    }

    synchronized List<String> foreign() {
        return foreignFiles.stream().sorted().toList();
    }

    /** A cluster stopped: its claims go with it (a restarted cluster finds them again in its state file). */
    synchronized void release(Cluster writer) {
        formatFiles.values().removeIf(claim -> claim.writer() == writer);
    }
}
