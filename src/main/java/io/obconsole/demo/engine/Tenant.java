package io.obconsole.demo.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One tenant of the demo cluster and its backup-relevant state. Mutated only under the
 * {@link Cluster} lock.
 */
final class Tenant {

    enum Type { SYS, USER, META }

    final long id;
    final String name;
    final Type type;
    final String compatibilityMode;
    final Instant createTime;
    /** Size of the data a full backup reads; drives the tablet and macro-block counters. */
    final long dataBytes;
    final long tabletCount;

    String status = "NORMAL";
    /** DBA_OB_TENANTS.TENANT_ROLE: PRIMARY, or RESTORE then STANDBY for a restored tenant until ACTIVATE. */
    String role = "PRIMARY";
    String dataBackupDest = "";
    String logArchiveDest = "";
    int haLowThreadScore;
    /** RECOVERY_WINDOW of the tenant's delete policy 'default', or null without one. */
    String deletePolicyWindow;
    boolean stalled;
    Failure nextFailure;
    final List<ArchiveRound> archiveRounds = new ArrayList<>();
    long nextJobId = 1;
    long nextTaskId = 1;
    long nextBackupSetId = 1;

    /** A fault a test asked for: the tenant's next job fails with this result. */
    record Failure(long result, String comment) {
        /** IO errors are retried by OceanBase before the job gives up. */
        boolean retryable() {
            return result == -4009;
        }
    }

    Tenant(long id, String name, Type type, String compatibilityMode, Instant createTime, long dataBytes, long tabletCount) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.compatibilityMode = compatibilityMode;
        this.createTime = createTime;
        this.dataBytes = dataBytes;
        this.tabletCount = tabletCount;
    }

    boolean isUser() {
        return type == Type.USER;
    }

    /** The current archive round, or null if the tenant never archived. */
    ArchiveRound archive() {
        return archiveRounds.isEmpty() ? null : archiveRounds.get(archiveRounds.size() - 1);
    }

    String archiveStatus() {
        ArchiveRound round = archive();
        return round == null ? "" : round.status;
    }

    boolean inArchivelogMode() {
        ArchiveRound round = archive();
        return round != null && !round.status.equals("STOP") && !round.status.equals("STOPPING");
    }

    long macroBlockCount() {
        return Math.max(1, dataBytes / Cluster.MACRO_BLOCK_BYTES);
    }
}
