package io.obconsole.cluster;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every statement the console sends to a cluster, split into the poller's rounds and
 * everything else, so the metrics show what the console costs the clusters and that page views
 * and API reads cost them nothing.
 *
 * <p>The count is taken on the connections {@link ClusterPools} hands out (each is wrapped here),
 * not by a driver query interceptor: mysql-connector-j loads interceptors by class name from its
 * own class loader, which in dev mode cannot see the application's classes, so every cluster
 * connection failed there. A wrapper made by our own code works the same in every run mode.
 * Statements the driver sends on its own (the handshake's settings, validation pings) are not
 * counted: they are the driver's, not the console's.
 */
public final class StatementCounter {

    /** The poller's worker threads are named with this prefix (their statements are its rounds). */
    public static final String POLLER_THREAD_PREFIX = "progress-";

    private final LongAdder poller = new LongAdder();
    private final LongAdder other = new LongAdder();

    /** Statements sent by the poller's rounds since start. */
    public long poller() {
        return poller.sum();
    }

    /** Statements sent by anything else (actions, preflights; page views and API reads should add none). */
    public long other() {
        return other.sum();
    }

    /** The connection, with every statement it creates counted when it executes. */
    Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (method, result) ->
                result instanceof Statement statement ? countingStatement(method.getReturnType(), statement) : result);
    }

    private Object countingStatement(Class<?> type, Statement statement) {
        return proxy(type.asSubclass(Statement.class), statement, (method, result) -> result);
    }

    private void count() {
        (Thread.currentThread().getName().startsWith(POLLER_THREAD_PREFIX) ? poller : other).increment();
    }

    private <T> T proxy(Class<T> type, T target, Returned returned) {
        InvocationHandler handler = (self, method, args) -> {
            if (target instanceof Statement && method.getName().startsWith("execute")) {
                count();
            }
            try {
                return returned.wrap(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** What a call's result becomes: the statements a connection creates are wrapped in turn. */
    @FunctionalInterface
    private interface Returned {
        Object wrap(Method method, Object result);
    }
}
