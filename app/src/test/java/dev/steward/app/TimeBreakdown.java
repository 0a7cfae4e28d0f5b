package dev.steward.app;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a message workflow's time went, from its history: waiting in task queues (workflow tasks and
 * activities) versus running (workflow tasks and each activity type). Summed over the workflows given.
 */
final class TimeBreakdown {
    private final Map<String, Long> millis = new TreeMap<>();
    private int workflows;

    void add(WorkflowClient client, String workflowId) {
        List<HistoryEvent> events = client.fetchHistory(workflowId).getHistory().getEventsList();
        Map<Long, HistoryEvent> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.getEventId(), e));
        HistoryEvent taskStarted = null; // the test server leaves a completed task's started id unset
        for (HistoryEvent e : events) {
            switch (e.getEventType()) {
                case EVENT_TYPE_WORKFLOW_TASK_STARTED -> {
                    add("workflow task: queued", e, byId.get(e.getWorkflowTaskStartedEventAttributes().getScheduledEventId()));
                    taskStarted = e;
                }
                case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> add("workflow task: running (local activities included)",
                        e, taskStarted);
                case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
                    HistoryEvent scheduled = byId.get(e.getActivityTaskStartedEventAttributes().getScheduledEventId());
                    add("activity: queued", e, scheduled);
                }
                case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
                    HistoryEvent scheduled = byId.get(e.getActivityTaskCompletedEventAttributes().getScheduledEventId());
                    add("activity " + scheduled.getActivityTaskScheduledEventAttributes().getActivityType().getName(),
                            e, byId.get(e.getActivityTaskCompletedEventAttributes().getStartedEventId()));
                }
                default -> {
                }
            }
        }
        workflows++;
    }

    private void add(String what, HistoryEvent later, HistoryEvent earlier) {
        if (earlier != null) {
            millis.merge(what, millis(later) - millis(earlier), Long::sum);
        }
    }

    private static long millis(HistoryEvent e) {
        return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
    }

    /** Mean milliseconds per workflow, largest first. */
    String report() {
        StringBuilder out = new StringBuilder();
        millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format("    %-40s %7.1f ms%n", e.getKey(), (double) e.getValue() / workflows)));
        return out.toString();
    }
}
