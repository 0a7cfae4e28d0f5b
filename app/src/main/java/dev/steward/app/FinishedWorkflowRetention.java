package dev.steward.app;

import com.google.protobuf.util.Timestamps;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.workflow.Functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
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
import java.util.function.LongSupplier;

/**
 * Gives the embedded test server a retention period, as a Temporal server's namespace has. SDK 1.38's test server
 * keeps every finished workflow for as long as it runs: its history, its state, and the timer of its execution
 * timeout (a day for a message, ten years by default), which holds that state until it would fire. Every sweep
 * forgets the workflows that finished more than the retention ago, cancels their execution timers and drops
 * cancelled timers, which do nothing when they come due. Not reached: an activity's timeout timers, which the
 * server never cancels, hold its workflow's state (without the history) until they would fire, at most an hour.
 *
 * <p>As on a Temporal server, a workflow id is free again once its workflow is forgotten: a gateway event
 * replayed later than the retention would start a second workflow.
 */
final class FinishedWorkflowRetention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FinishedWorkflowRetention.class);

    private final Duration retention;
    private final LongSupplier serverClock;
    private final Lock storeLock;
    private final Map<?, ?> histories;
    private final MethodHandle completed;
    private final MethodHandle events;
    private final Lock serviceLock;
    private final Map<?, ?> executionsByRun;
    private final Map<?, ?> executionsByWorkflowId;
    private final Map<?, ?> executionsByChain;
    private final MethodHandle runTimer;
    private final Map<?, ?> searchAttributes;
    private final Lock timerLock;
    private final Condition timerChanged;
    private final Collection<?> timerTasks;
    private final MethodHandle cancelled;
    private ScheduledExecutorService sweeper;

    private FinishedWorkflowRetention(Duration retention, TestServicesStarter services) throws Throwable {
        this.retention = retention;
        Object store = field(TestServicesStarter.class, "workflowStore").get(services);
        storeLock = (Lock) field(store.getClass(), "lock").get(store);
        histories = (Map<?, ?>) field(store.getClass(), "histories").get(store);
        Class<?> historyStore = Class.forName(store.getClass().getName() + "$HistoryStore");
        completed = method(historyStore, "isCompleted");
        events = getter(historyStore, "history");

        Object service = services.getWorkflowService();
        serviceLock = (Lock) field(service.getClass(), "lock").get(service);
        executionsByRun = (Map<?, ?>) field(service.getClass(), "executions").get(service);
        executionsByWorkflowId = (Map<?, ?>) field(service.getClass(), "executionsByWorkflowId").get(service);
        executionsByChain = (Map<?, ?>) field(service.getClass(), "executionsByFirstExecutionRunId").get(service);
        String testservice = TestServicesStarter.class.getPackageName();
        // state.workflow.getData().runTimerCancellationHandle: set when the run started, applied only on completion
        runTimer = MethodHandles.filterReturnValue(MethodHandles.filterReturnValue(
                        getter(Class.forName(testservice + ".TestWorkflowMutableStateImpl"), "workflow"),
                        method(Class.forName(testservice + ".StateMachine"), "getData")),
                getter(Class.forName(testservice + ".StateMachines$WorkflowData"), "runTimerCancellationHandle"));
        Object visibility = field(TestServicesStarter.class, "visibilityStore").get(services);
        searchAttributes = (Map<?, ?>) field(visibility.getClass(), "executionSearchAttributes").get(visibility);

        Object timer = field(TestServicesStarter.class, "selfAdvancingTimer").get(services);
        serverClock = (LongSupplier) method(timer.getClass(), "getClock").invoke(timer);
        timerLock = (Lock) field(timer.getClass(), "lock").get(timer);
        timerChanged = (Condition) field(timer.getClass(), "condition").get(timer);
        timerTasks = (Collection<?>) field(timer.getClass(), "tasks").get(timer);
        cancelled = method(Class.forName(timer.getClass().getName() + "$TimerTask"), "isCanceled");
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
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.warn("Embedded Temporal: could not give the test server a retention ({}); it keeps every finished "
                    + "workflow until the process stops", e.toString());
            return null;
        }
    }

    private void sweepNow() {
        try {
            long started = System.nanoTime();
            int forgotten = sweep(serverClock.getAsLong());
            log.debug("Embedded Temporal: forgot {} workflow runs that finished over {} ago, in {} ms", forgotten,
                    retention, (System.nanoTime() - started) / 1_000_000);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.warn("Embedded Temporal: retention sweep failed; trying again at the next one", e);
        }
    }

    /**
     * Forgets what finished before {@code nowMillis} (the server's clock) minus the retention; returns how many
     * workflow runs. The server's own listing of workflows reads its histories without a lock, so a listing
     * (the temporal CLI's) that meets a sweep can fail; a retry succeeds.
     */
    int sweep(long nowMillis) throws Throwable {
        // The server takes its own lock, then the store's, then the timer's: this takes one at a time.
        List<Object> expired = expired(nowMillis - retention.toMillis());
        if (!expired.isEmpty()) {
            forgetStates(expired);
            storeLock.lock();
            try {
                expired.forEach(histories::remove);
            } finally {
                storeLock.unlock();
            }
            expired.forEach(searchAttributes::remove);
        }
        dropCancelledTimers();
        return expired.size();
    }

    /** Finished runs whose closing event is older than the cut-off. */
    private List<Object> expired(long finishedBefore) throws Throwable {
        List<Object> expired = new ArrayList<>();
        storeLock.lock();
        try {
            for (Map.Entry<?, ?> entry : histories.entrySet()) {
                if (!(boolean) completed.invoke(entry.getValue())) {
                    continue;
                }
                List<?> history = (List<?>) events.invoke(entry.getValue());
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

    /** The run's state, under every key the server finds it by, and the execution timer that holds it. */
    private void forgetStates(List<Object> expired) throws Throwable {
        Set<Object> states = Collections.newSetFromMap(new IdentityHashMap<>());
        serviceLock.lock();
        try {
            for (Object run : expired) {
                Object state = executionsByRun.remove(run);
                if (state != null) {
                    states.add(state);
                }
            }
            // A workflow id and a chain point at their latest run, which may be a newer one that stays.
            executionsByWorkflowId.values().removeIf(states::contains);
            executionsByChain.values().removeIf(states::contains);
        } finally {
            serviceLock.unlock();
        }
        for (Object state : states) {
            Functions.Proc cancel = (Functions.Proc) runTimer.invoke(state);
            if (cancel != null) {
                cancel.apply(); // a flag on the timer task, under no lock of the server's
            }
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
        } catch (Throwable e) {
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

    /** Handles take the place of reflective calls: a sweep makes one per finished workflow and queued timer. */
    private static MethodHandle getter(Class<?> type, String name) throws ReflectiveOperationException {
        return MethodHandles.lookup().unreflectGetter(field(type, name))
                .asType(MethodType.methodType(Object.class, Object.class));
    }

    private static MethodHandle method(Class<?> type, String name) throws ReflectiveOperationException {
        java.lang.reflect.Method method = type.getDeclaredMethod(name);
        method.setAccessible(true);
        return MethodHandles.lookup().unreflect(method)
                .asType(MethodType.methodType(method.getReturnType(), Object.class));
    }
}
