package io.obconsole.policy;

import io.obconsole.backup.EncryptionPassword;
import io.obconsole.backup.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Encryption passwords a policy names but never holds: the secret {@code nightly-key} is the
 * environment variable {@code OBC_SECRET_NIGHTLY_KEY} or else the file {@code nightly-key} in
 * {@code console.policies.secrets-dir}. Read at the moment of the run, handed to the backup as an
 * {@link EncryptionPassword} and wiped with it.
 */
@ApplicationScoped
public class NamedSecrets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** A secret's name as a person types it: blank (none), or the name, spaces around it allowed. */
    public static final String TYPED_NAME = "\\s*(?:[a-z0-9][a-z0-9_-]{0,63})?\\s*";

    private final Path dir;
    private final Function<String, String> environment;

    @Inject
    public NamedSecrets(PolicyConfig config) {
        this(config.secretsDir(), System::getenv);
    }

    NamedSecrets(Path dir, Function<String, String> environment) {
        this.dir = dir;
        this.environment = environment;
    }

    /** Refuses a name that is not a secret's name (lower-case letters, digits, '-' and '_'). */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("A secret's name has 1 to 64 characters: lower-case letters, digits, "
                    + "'-' and '_', starting with a letter or digit");
        }
    }

    /** The environment variable that holds the secret. */
    public static String variable(String name) {
        return "OBC_SECRET_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public boolean exists(String name) {
        checkName(name);
        return environment.apply(variable(name)) != null || Files.isRegularFile(dir.resolve(name));
    }

    /** The password, or empty when no such secret is configured (or it is empty). */
    public Optional<EncryptionPassword> password(String name) {
        checkName(name);
        String value = environment.apply(variable(name));
        if (value == null) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                value = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(EncryptionPassword.of(value));
    }
}
