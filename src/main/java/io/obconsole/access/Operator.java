package io.obconsole.access;

import java.util.List;
import java.util.Set;

/**
 * The signed-in person as every part of the console sees them: who (username and token
 * subject), their realm roles, their tenant scopes ({@code ob_scopes}: {@code cluster/tenant}
 * or {@code cluster/*}) and the address the request came from.
 */
public record Operator(String username, String subject, Set<String> roles, List<String> scopes,
        String clientAddress) {

    /** The name under which the console itself writes system records. */
    public static final String SYSTEM = "system";
}
