package io.obconsole.cluster;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the console's connections to one cluster are encrypted. The backup encryption password
 * travels inside {@code SET ENCRYPTION ... IDENTIFIED BY}, so on a plain connection it crosses the
 * network in clear text: {@link #requiredForPasswords()} refuses that, and the confirmation page
 * warns about it otherwise.
 *
 * @param mode                 what the driver demands of the connection
 * @param caFile               PEM file with the certificate(s) that sign the cluster's certificate (VERIFY_CA, VERIFY_IDENTITY)
 * @param requiredForPasswords never send an encryption password over a connection that is not encrypted
 */
public record ClusterTls(Mode mode, Optional<Path> caFile, boolean requiredForPasswords) {

    /** Connector/J's {@code sslMode} values, in the order of what they promise. */
    public enum Mode {
        /** Plain text always. */
        DISABLED,
        /** TLS when the cluster offers it, plain text otherwise (so an attacker in the path can force plain text). */
        PREFERRED,
        /** TLS or no connection; the cluster's certificate is not checked. */
        REQUIRED,
        /** TLS with a certificate signed by the configured CA. */
        VERIFY_CA,
        /** As VERIFY_CA, and the certificate names the host the console connects to. */
        VERIFY_IDENTITY;

        /** Accepts {@code verify-ca} as well as {@code VERIFY_CA}. */
        public static Mode parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        /** Whether every connection made in this mode is encrypted (or not made at all). */
        public boolean alwaysEncrypted() {
            return this.compareTo(REQUIRED) >= 0;
        }
    }

    public ClusterTls {
        Objects.requireNonNull(mode);
        caFile = caFile == null ? Optional.empty() : caFile;
    }

    /** TLS when the cluster offers it, nothing required: the default for a cluster without TLS settings. */
    public static ClusterTls preferred() {
        return new ClusterTls(Mode.PREFERRED, Optional.empty(), false);
    }

    public static ClusterTls disabled() {
        return new ClusterTls(Mode.DISABLED, Optional.empty(), false);
    }

    /** Whether the driver checks the cluster's certificate against {@link #caFile()}. */
    public boolean verifies() {
        return mode == Mode.VERIFY_CA || mode == Mode.VERIFY_IDENTITY;
    }
}
