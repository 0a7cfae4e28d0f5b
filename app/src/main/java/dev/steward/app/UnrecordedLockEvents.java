package dev.steward.app;

import io.temporal.internal.testservice.TestServicesStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.LinkedList;
import java.util.concurrent.locks.Lock;

/**
 * Stops the embedded test server's log of time-skipping locks. SDK 1.38's test server appends an event to a
 * list on every lock and unlock (every activity and workflow task), removes only some of them, and scans the
 * whole list on each removal: memory grows for as long as local mode runs and every workflow update gets
 * slower. With time skipping locked for good the log has no use; only its diagnostics dump reads it.
 */
final class UnrecordedLockEvents extends LinkedList<Object> {
    private static final Logger log = LoggerFactory.getLogger(UnrecordedLockEvents.class);

    private UnrecordedLockEvents() {
    }

    @Override
    public boolean add(Object event) {
        return true;
    }

    @Override
    public boolean remove(Object event) {
        return true;
    }

    /** Best effort: on a test server without these internals the server runs as shipped. */
    static void install(TestServicesStarter services) {
        try {
            Object timer = field(TestServicesStarter.class, "selfAdvancingTimer").get(services);
            Lock lock = (Lock) field(timer.getClass(), "lock").get(timer);
            lock.lock(); // the timer's own lock: its threads see the new list from their next use on
            try {
                field(timer.getClass(), "lockEvents").set(timer, new UnrecordedLockEvents());
            } finally {
                lock.unlock();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Embedded Temporal: could not stop the test server's lock event log ({}); it grows while "
                    + "local mode runs", e.toString());
        }
    }

    static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
