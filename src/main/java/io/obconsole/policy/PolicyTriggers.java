package io.obconsole.policy;

import io.obconsole.cluster.BackupType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * A policy's schedules as Quartz triggers in the clustered JDBC store (the console's database),
 * so every console instance sees them and Quartz fires each slot on exactly one instance. A
 * paused policy has no triggers. Slots missed while no instance ran fire once when one is back
 * (Quartz's misfire handling); {@link PolicyRunner} works out which slots they were.
 */
@ApplicationScoped
public class PolicyTriggers {

    static final String GROUP = "backup-policies";

    private final Scheduler quartz;

    public PolicyTriggers(Scheduler quartz) {
        this.quartz = quartz;
    }

    /** Replaces the policy's triggers by those of its schedules (none when paused). */
    public void schedule(BackupPolicy policy) {
        unschedule(policy.id);
        if (policy.paused) {
            return;
        }
        for (BackupType kind : BackupType.values()) {
            policy.schedule(kind).ifPresent(schedule -> add(policy, kind, schedule));
        }
    }

    public void unschedule(long policyId) {
        try {
            for (BackupType kind : BackupType.values()) {
                quartz.deleteJob(job(policyId, kind));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not remove the schedules of policy " + policyId + ": " + e.getMessage(), e);
        }
    }

    /** When Quartz will next fire that schedule (null if none). */
    public Date nextFire(long policyId, BackupType kind) {
        return nextFire(GROUP, trigger(policyId, kind).getName());
    }

    private void add(BackupPolicy policy, BackupType kind, Schedule schedule) {
        schedule(GROUP, "policy-" + policy.id + "-" + kind, PolicyFireJob.class, Map.of(PolicyFireJob.POLICY,
                String.valueOf(policy.id), PolicyFireJob.KIND, kind.name()), schedule);
    }

    /**
     * Schedules {@code type} under {@code name} in {@code group} on the clustered store, replacing
     * what was there: the one way every kind of console schedule (backup policies, restore drills)
     * becomes a Quartz trigger, so they all fire once across instances and catch up alike.
     */
    public void schedule(String group, String name, Class<? extends Job> type, Map<String, String> data,
            Schedule schedule) {
        JobDetail job = JobBuilder.newJob(type).withIdentity(JobKey.jobKey(name, group))
                .usingJobData(new JobDataMap(data)).requestRecovery().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(name, group)).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.expression())
                        .inTimeZone(TimeZone.getTimeZone(schedule.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            quartz.deleteJob(job.getKey());
            quartz.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule " + name + ": " + e.getMessage(), e);
        }
    }

    /** Removes what {@link #schedule(String, String, Class, Map, Schedule)} scheduled under that name. */
    public void unschedule(String group, String name) {
        try {
            quartz.deleteJob(JobKey.jobKey(name, group));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not remove the schedule " + name + ": " + e.getMessage(), e);
        }
    }

    /** When Quartz will next fire the schedule of that name (null if none). */
    public Date nextFire(String group, String name) {
        try {
            Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(name, group));
            return trigger == null ? null : trigger.getNextFireTime();
        } catch (SchedulerException e) {
            return null;
        }
    }

    static JobKey job(long policyId, BackupType kind) {
        return JobKey.jobKey("policy-" + policyId + "-" + kind, GROUP);
    }

    static TriggerKey trigger(long policyId, BackupType kind) {
        return TriggerKey.triggerKey("policy-" + policyId + "-" + kind, GROUP);
    }
}
