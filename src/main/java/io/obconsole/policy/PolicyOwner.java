package io.obconsole.policy;

import io.obconsole.access.Operator;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a scheduled run acts for: the person who last saved the policy, with the realm roles and
 * scopes they had then (a run stays within them). Backup and drill policies keep it alike.
 */
@Embeddable
public class PolicyOwner {

    @Column(name = "owner_username", nullable = false)
    public String username;

    @Column(name = "owner_subject")
    public String subject;

    /** Realm roles, comma-separated. */
    @Column(name = "owner_roles", nullable = false)
    public String roles;

    /** ob_scopes, comma-separated. */
    @Column(name = "owner_scopes", nullable = false)
    public String scopes;

    /** {@code who} as they are now. */
    public static PolicyOwner of(Operator who) {
        PolicyOwner owner = new PolicyOwner();
        owner.username = who.username();
        owner.subject = who.subject();
        owner.roles = String.join(",", new TreeSet<>(who.roles()));
        owner.scopes = String.join(",", new TreeSet<>(who.scopes()));
        return owner;
    }

    /** The owner's rights under the name a run is audited as ({@code "policy 7 on behalf of otto"}). */
    public Operator actingAs(String actor) {
        return new Operator(actor, subject, split(roles), List.copyOf(split(scopes)), null);
    }

    public PolicyOwner copy() {
        PolicyOwner c = new PolicyOwner();
        c.username = username;
        c.subject = subject;
        c.roles = roles;
        c.scopes = scopes;
        return c;
    }

    private static Set<String> split(String list) {
        return list == null || list.isBlank() ? Set.of()
                : new TreeSet<>(Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).toList());
    }
}
