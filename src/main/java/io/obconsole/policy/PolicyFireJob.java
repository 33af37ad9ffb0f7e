package io.obconsole.policy;

import io.obconsole.cluster.BackupType;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job behind every policy schedule: hands the fire over to {@link PolicyRunner}. */
@Dependent
@DisallowConcurrentExecution
public class PolicyFireJob implements Job {

    static final String POLICY = "policy";
    static final String KIND = "kind";

    private final PolicyRunner runner;

    @Inject
    public PolicyFireJob(PolicyRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner.fire(Long.parseLong(context.getMergedJobDataMap().getString(POLICY)),
                BackupType.valueOf(context.getMergedJobDataMap().getString(KIND)), context.getScheduledFireTime().toInstant());
    }
}
