package io.obconsole.cluster;

/** One running task of a backup job with the counters progress is made of; {@code phase} is the task STATUS. */
public record BackupTask(long taskId, long jobId, String phase, long tablets, long finishedTablets, long macroBlocks,
        long finishedMacroBlocks, long inputBytes, long outputBytes) {
}
