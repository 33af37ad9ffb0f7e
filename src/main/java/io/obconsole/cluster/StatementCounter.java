package io.obconsole.cluster;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts every statement the console sends to a cluster (a driver query interceptor on each
 * cluster connection), split into the poller's rounds and everything else, so the metrics show
 * what the console costs the clusters and that page views and API reads cost them nothing.
 */
public final class StatementCounter implements QueryInterceptor {

    /** The poller's worker threads are named with this prefix (their statements are its rounds). */
    public static final String POLLER_THREAD_PREFIX = "progress-";

    private static final LongAdder POLLER = new LongAdder();
    private static final LongAdder OTHER = new LongAdder();

    /** Statements sent by the poller's rounds since start. */
    public static long poller() {
        return POLLER.sum();
    }

    /** Statements sent by anything else (actions, preflights; page views and API reads should add none). */
    public static long other() {
        return OTHER.sum();
    }

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        (Thread.currentThread().getName().startsWith(POLLER_THREAD_PREFIX) ? POLLER : OTHER).increment();
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T result, ServerSession session) {
        return result;
    }
}
