package dev.steward.app;

import com.google.protobuf.util.Timestamps;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.internal.testservice.TestServicesStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Gives the embedded test server a retention period, as a Temporal server's namespace has. SDK 1.38's test server
 * keeps every finished workflow for as long as it runs: its history, its state, and a cancelled timer for its
 * execution timeout (a day) and each activity's (up to an hour), which hold that state until they would have
 * fired. Memory and the work per message grew with every message handled. Every sweep forgets workflows that
 * finished more than the retention ago and drops cancelled timers, which do nothing when they come due.
 *
 * <p>As on a Temporal server, a workflow id is free again once its workflow is forgotten: a gateway event
 * replayed later than the retention would start a second workflow.
 */
final class FinishedWorkflowRetention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FinishedWorkflowRetention.class);

    private final Duration retention;
    private final Object store;
    private final Lock storeLock;
    private final Map<?, ?> histories;
    private final Method completed;
    private final Field events;
    private final Lock serviceLock;
    private final List<Map<?, ?>> executionMaps;
    private final Map<?, ?> searchAttributes;
    private final Lock timerLock;
    private final Condition timerChanged;
    private final Collection<?> timerTasks;
    private final Method cancelled;
    private ScheduledExecutorService sweeper;

    private FinishedWorkflowRetention(Duration retention, TestServicesStarter services)
            throws ReflectiveOperationException {
        this.retention = retention;
        store = field(TestServicesStarter.class, "workflowStore").get(services);
        storeLock = (Lock) field(store.getClass(), "lock").get(store);
        histories = (Map<?, ?>) field(store.getClass(), "histories").get(store);
        Class<?> historyStore = Class.forName(store.getClass().getName() + "$HistoryStore");
        completed = historyStore.getDeclaredMethod("isCompleted");
        completed.setAccessible(true);
        events = field(historyStore, "history");

        Object service = services.getWorkflowService();
        serviceLock = (Lock) field(service.getClass(), "lock").get(service);
        executionMaps = new ArrayList<>();
        for (String name : new String[]{"executions", "executionsByWorkflowId", "executionsByFirstExecutionRunId"}) {
            executionMaps.add((Map<?, ?>) field(service.getClass(), name).get(service));
        }
        Object visibility = field(TestServicesStarter.class, "visibilityStore").get(services);
        searchAttributes = (Map<?, ?>) field(visibility.getClass(), "executionSearchAttributes").get(visibility);

        Object timer = field(TestServicesStarter.class, "selfAdvancingTimer").get(services);
        timerLock = (Lock) field(timer.getClass(), "lock").get(timer);
        timerChanged = (Condition) field(timer.getClass(), "condition").get(timer);
        timerTasks = (Collection<?>) field(timer.getClass(), "tasks").get(timer);
        cancelled = Class.forName(timer.getClass().getName() + "$TimerTask").getDeclaredMethod("isCanceled");
        cancelled.setAccessible(true);
    }

    /**
     * Best effort: on a test server without these internals, local mode runs as shipped (and keeps everything).
     * Sweeps a tenth of the retention apart, at most every minute.
     */
    static FinishedWorkflowRetention install(TestServicesStarter services, Duration retention) {
        try {
            FinishedWorkflowRetention purge = new FinishedWorkflowRetention(retention, services);
            long every = Math.max(1_000, Math.min(60_000, retention.toMillis() / 10));
            purge.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "embedded-temporal-retention");
                thread.setDaemon(true);
                return thread;
            });
            purge.sweeper.scheduleWithFixedDelay(purge::sweepNow, every, every, TimeUnit.MILLISECONDS);
            return purge;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Embedded Temporal: could not give the test server a retention ({}); it keeps every finished "
                    + "workflow until the process stops", e.toString());
            return null;
        }
    }

    private void sweepNow() {
        try {
            sweep(System.currentTimeMillis());
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Embedded Temporal: retention sweep failed; trying again at the next one", e);
        }
    }

    /** Forgets what finished before {@code nowMillis} minus the retention; returns how many workflow runs. */
    int sweep(long nowMillis) throws ReflectiveOperationException {
        long finishedBefore = nowMillis - retention.toMillis();
        // The server takes its own lock, then the store's: this takes one at a time, never both.
        List<Object> expired = expired(finishedBefore);
        if (!expired.isEmpty()) {
            forgetStates(expired);
            storeLock.lock();
            try {
                histories.keySet().removeAll(expired);
            } finally {
                storeLock.unlock();
            }
            searchAttributes.keySet().removeAll(expired);
        }
        dropCancelledTimers();
        log.debug("Embedded Temporal: forgot {} workflow runs that finished more than {} ago", expired.size(), retention);
        return expired.size();
    }

    /** Finished runs whose closing event is older than the cut-off. */
    private List<Object> expired(long finishedBefore) throws ReflectiveOperationException {
        List<Object> expired = new ArrayList<>();
        storeLock.lock();
        try {
            for (Map.Entry<?, ?> entry : histories.entrySet()) {
                if (!(boolean) completed.invoke(entry.getValue())) {
                    continue;
                }
                List<?> history = (List<?>) events.get(entry.getValue());
                HistoryEvent closing = (HistoryEvent) history.get(history.size() - 1);
                if (Timestamps.toMillis(closing.getEventTime()) < finishedBefore) {
                    expired.add(entry.getKey());
                }
            }
        } finally {
            storeLock.unlock();
        }
        return expired;
    }

    /** The run's state, under every key the server finds it by (its run, its workflow id, its chain). */
    private void forgetStates(List<Object> expired) {
        serviceLock.lock();
        try {
            Map<?, ?> byRun = executionMaps.get(0);
            Set<Object> states = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Object run : expired) {
                Object state = byRun.remove(run);
                if (state != null) {
                    states.add(state);
                }
            }
            // A workflow id and a chain point at their latest run, which may be a newer one that stays.
            for (Map<?, ?> map : executionMaps.subList(1, executionMaps.size())) {
                map.values().removeIf(states::contains);
            }
        } finally {
            serviceLock.unlock();
        }
    }

    private void dropCancelledTimers() {
        timerLock.lock();
        try {
            if (timerTasks.removeIf(this::isCancelled)) {
                timerChanged.signal(); // the pump re-reads the head of its queue
            }
        } finally {
            timerLock.unlock();
        }
    }

    private boolean isCancelled(Object timerTask) {
        try {
            return (boolean) cancelled.invoke(timerTask);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        return UnrecordedLockEvents.field(type, name);
    }
}
