package io.obconsole.testing;

import java.io.IOException;
import java.util.List;

/**
 * Freezes a real process with SIGSTOP and thaws it with SIGCONT, as a stalled disk, a paused VM or
 * a hung database server looks to its clients: connections stay open, nothing answers.
 */
public final class FrozenProcess implements AutoCloseable {

    private final long pid;

    private FrozenProcess(long pid) {
        this.pid = pid;
        signal("STOP");
    }

    /** The embedded MariaDB of this test run: the mariadbd (or mysqld) process listening on {@code port}. */
    public static FrozenProcess mysqldOnPort(int port) {
        java.util.regex.Pattern listening = java.util.regex.Pattern.compile("--port=" + port + "(\\s|$)");
        List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .filter(p -> p.info().commandLine().map(line -> listening.matcher(line).find()).orElse(false))
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one mysqld on port " + port + ", found " + found.size());
        }
        return new FrozenProcess(found.get(0).pid());
    }

    /** SIGCONT: the process runs on where it stopped. */
    @Override
    public void close() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
