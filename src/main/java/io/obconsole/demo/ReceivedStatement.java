package io.obconsole.demo;

/**
 * A statement as the demo cluster received it, with the connection it came on, so tests can prove
 * what the console sent and on which connection (e.g. that SET ENCRYPTION and the BACKUP shared
 * one that was then discarded). Kept in memory only, never logged.
 */
public record ReceivedStatement(long connectionId, String account, String sql) {
}
