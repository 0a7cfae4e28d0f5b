package dev.steward.app;

import io.temporal.api.common.v1.Priority;
import io.temporal.internal.testservice.TestServicesStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Makes the embedded test server hand out tasks oldest first. SDK 1.38's test server keeps each task queue's
 * backlog in a {@link PriorityQueue} whose elements (all of Steward's tasks have the default priority) compare
 * equal, and a heap gives equal elements back in no fixed order: after each poll the newest task moved to the
 * head. Under a backlog the oldest tasks starved, for tens of seconds in the throughput benchmark. Each new
 * task queue's backlog is swapped for {@link Backlog}: by priority, then first in, first out.
 */
final class FifoTaskQueues<K, V> extends HashMap<K, V> {
    private static final Logger log = LoggerFactory.getLogger(FifoTaskQueues.class);

    /** Queues that exist already (none, when installed at start) keep their heap and whatever it holds. */
    private FifoTaskQueues(Map<K, V> existing) {
        super(existing);
    }

    /** The store creates a task queue on first use and puts it here under its own lock. */
    @Override
    public V put(K key, V taskQueue) {
        swapBacklog(taskQueue);
        return super.put(key, taskQueue);
    }

    /** Best effort, before any worker polls: on a test server without these internals it runs as shipped. */
    static void install(TestServicesStarter services) {
        try {
            Object store = UnrecordedLockEvents.field(TestServicesStarter.class, "workflowStore").get(services);
            for (String queues : new String[]{"workflowTaskQueues", "activityTaskQueues"}) {
                Field field = UnrecordedLockEvents.field(store.getClass(), queues);
                field.set(store, new FifoTaskQueues<>((Map<?, ?>) field.get(store)));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Embedded Temporal: could not make the test server's task queues first in, first out ({}); "
                    + "under a backlog some tasks wait much longer than others", e.toString());
        }
    }

    /** Never throws: the store calls this while creating a task queue, which must not fail. */
    private static void swapBacklog(Object taskQueue) {
        try {
            UnrecordedLockEvents.field(taskQueue.getClass(), "backlog").set(taskQueue, new Backlog());
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Embedded Temporal: task queue left as shipped ({})", e.toString());
        }
    }

    /**
     * Stands in for the task queue's heap, which only adds, polls and asks whether it is empty, always under
     * the task queue's lock. Lower priority keys come first, as in the heap. Methods the server does not call
     * (contains, remove of an element, toArray) are not carried over and see an empty queue.
     */
    static final class Backlog extends PriorityQueue<Object> {
        private final TreeMap<Integer, ArrayDeque<Object>> byPriority = new TreeMap<>();
        private int size;
        private Method priorityOf;

        @Override
        public boolean add(Object element) {
            return offer(element);
        }

        @Override
        public boolean offer(Object element) {
            byPriority.computeIfAbsent(priorityKey(element), k -> new ArrayDeque<>()).add(element);
            size++;
            return true;
        }

        @Override
        public Object poll() {
            Map.Entry<Integer, ArrayDeque<Object>> first = byPriority.firstEntry();
            if (first == null) {
                return null;
            }
            Object element = first.getValue().poll();
            if (first.getValue().isEmpty()) {
                byPriority.remove(first.getKey());
            }
            size--;
            return element;
        }

        @Override
        public Object peek() {
            Map.Entry<Integer, ArrayDeque<Object>> first = byPriority.firstEntry();
            return first == null ? null : first.getValue().peek();
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public void clear() {
            byPriority.clear();
            size = 0;
        }

        @Override
        public Iterator<Object> iterator() {
            ArrayList<Object> all = new ArrayList<>(size);
            byPriority.values().forEach(all::addAll);
            return all.iterator();
        }

        /** Never throws (the server adds under its lock): without a readable priority, all tasks are equal. */
        private int priorityKey(Object element) {
            try {
                if (priorityOf == null) {
                    priorityOf = element.getClass().getDeclaredMethod("getPriority");
                    priorityOf.setAccessible(true);
                }
                return ((Priority) priorityOf.invoke(element)).getPriorityKey();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return 0;
            }
        }
    }
}
