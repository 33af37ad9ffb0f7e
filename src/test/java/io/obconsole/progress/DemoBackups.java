package io.obconsole.progress;

import io.obconsole.testing.Demo;

/** Lets the test demo cluster's backups end (started with {@link Demo#sql}, as root@sys at a terminal would). */
final class DemoBackups {

    private DemoBackups() {
    }

    /** Lets every running job of the demo cluster end (a full backup takes 60 s of demo time). */
    static void finishAll() {
        Demo.clock().advanceSeconds(300);
    }
}
