package io.obconsole.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.cluster.ObError;
import org.junit.jupiter.api.Test;

/** Every error of spec section 4 has its own explanation and next step (9040 by its text). */
class ObErrorCatalogueTest {

    private static ObExplanation explain(int code, String text) {
        return ObErrorCatalogue.explain(new ObError(code, "HY000", text));
    }

    @Test
    void each9040VariantSaysWhatToFix() {
        assertThat(explain(9040, "backup can not start, because log archive status is not doing.").nextStep())
                .contains("ARCHIVELOG");
        assertThat(explain(9040, "backup can not start, because backup dest is not set.").nextStep())
                .contains("DATA_BACKUP_DEST");
        assertThat(explain(9040, "backup can not start").nextStep()).contains("DATA_BACKUP_DEST");
        assertThat(explain(9040, "backup can not start, because tenant status is not normal.").explanation())
                .contains("not NORMAL");
        assertThat(explain(9040, "backup can not start, because no tenant meets the backup condition, please check "
                + "the tenant status, log archive status, backup data dest, and backup status for each tenant").nextStep())
                .contains("preflight");
    }

    @Test
    void theOtherSpecErrorsHaveTheirOwnWords() {
        assertThat(explain(9036, "Backup is in progress").explanation()).contains("already running");
        assertThat(explain(5160, "invalid tenant name specified in connection string").nextStep()).contains("tenant list");
        assertThat(explain(1235, "user tenant cannot specify tenant names not supported").nextStep()).contains("mode=tenant");
        assertThat(explain(1227, "Access denied").explanation()).contains("ALTER SYSTEM privilege");
        assertThat(explain(4147, "Invalid config").nextStep()).contains("0 and 100");
        assertThat(explain(1064, "You have an error in your SQL syntax").nextStep()).contains("report");
        assertThat(explain(4016, "Internal error").nextStep()).contains("4016");
    }
}
