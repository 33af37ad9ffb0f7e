package io.obconsole.drill;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job behind every drill policy's schedule: hands the fire over to {@link DrillSlots}. */
@Dependent
@DisallowConcurrentExecution
public class DrillFireJob implements Job {

    static final String POLICY = "drill-policy";

    private final DrillSlots slots;

    @Inject
    public DrillFireJob(DrillSlots slots) {
        this.slots = slots;
    }

    @Override
    public void execute(JobExecutionContext context) {
        slots.fire(Long.parseLong(context.getMergedJobDataMap().getString(POLICY)),
                context.getScheduledFireTime().toInstant());
    }
}
