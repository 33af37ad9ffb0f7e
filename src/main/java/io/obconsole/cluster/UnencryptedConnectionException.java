package io.obconsole.cluster;

/**
 * The cluster requires TLS for encryption passwords ({@code tls.required-for-passwords}) but the
 * connection the password would travel on is not encrypted: nothing was sent.
 */
public class UnencryptedConnectionException extends ClusterUnreachableException {

    public UnencryptedConnectionException(String cluster) {
        super(cluster, "the connection is not encrypted (TLS), and this cluster's settings forbid sending an "
                + "encryption password over it; nothing was sent", null);
    }
}
