package io.obconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Passwords never enter the trail, even when a caller forgets to redact. */
class SecretGuardTest {

    @Test
    void masksTheEncryptionPasswordInSql() {
        assertThat(SecretGuard.redact("SET ENCRYPTION ON IDENTIFIED BY 'S3cr\\'et''x' ONLY"))
                .isEqualTo("SET ENCRYPTION ON IDENTIFIED BY '******' ONLY")
                .doesNotContain("S3cr");
        assertThat(SecretGuard.redact("set encryption on identified by \"pw\" only")).doesNotContain("pw\"");
        assertThat(SecretGuard.redact("ALTER SYSTEM BACKUP DATABASE")).isEqualTo("ALTER SYSTEM BACKUP DATABASE");
    }

    @Test
    void passwordParametersMayOnlySaySetOrNotSet() {
        SecretGuard.checkParameters(Map.of("password", "set", "encryption_password", "not set", "concurrency", "8"));
        assertThatThrownBy(() -> SecretGuard.checkParameters(Map.of("encryptionPassword", "Hunter2!")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Hunter2");
        assertThat(SecretGuard.redactValues(Map.of("description", "nightly; IDENTIFIED BY 'pw' was used")))
                .containsEntry("description", "nightly; IDENTIFIED BY '******' was used");
    }
}
