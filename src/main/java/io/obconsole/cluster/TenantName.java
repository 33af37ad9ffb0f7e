package io.obconsole.cluster;

/**
 * A tenant name the cluster itself just listed and that matches OceanBase's identifier rules;
 * only {@link ObDialect#tenant} makes one, so no other text can reach a TENANT clause.
 */
public final class TenantName {

    private final String name;

    TenantName(String name) {
        this.name = name;
    }

    public String value() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantName t && t.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
