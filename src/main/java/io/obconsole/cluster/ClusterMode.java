package io.obconsole.cluster;

/**
 * How the console signs in to a cluster: as a sys-tenant user (acts on any user tenant through
 * the CDB_ views and TENANT clauses) or as one tenant's administrator (DBA_ views, DATABASE forms).
 */
public enum ClusterMode {
    SYS,
    TENANT
}
