package io.obconsole.audit;

/**
 * The result of walking the audit chain.
 *
 * @param intact        true when every link holds and the chain ends where the head says
 * @param checked       records checked (all of them when intact; up to the broken one otherwise)
 * @param brokenAt      id of the first record whose link does not hold, null when intact
 * @param problem       what does not hold there, in plain words; null when intact
 */
public record ChainReport(boolean intact, long checked, Long brokenAt, String problem) {

    static ChainReport ok(long checked) {
        return new ChainReport(true, checked, null, null);
    }

    static ChainReport broken(long checked, Long at, String problem) {
        return new ChainReport(false, checked, at, problem);
    }
}
