package dev.steward.workers.moderation;

/**
 * Text that stops a regular expression at a deadline. {@code java.util.regex} has no time limit, but its
 * backtracking reads characters all along, so {@link #charAt} throws {@link TimedOut} once the time is up.
 */
final class TimeBoxedText implements CharSequence {
    /** Reading the clock on every character would cost more than most matches; a power of two. */
    private static final int CHECK_EVERY = 1024;

    private final CharSequence text;
    private final long deadlineNanos;
    private int reads;

    /** @param deadlineNanos on {@link System#nanoTime()}'s clock */
    TimeBoxedText(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    /** Thrown by {@link #charAt} after the deadline; no stack trace, it is expected and caught. */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super("time budget spent", null, false, false);
        }
    }

    @Override
    public char charAt(int index) {
        if ((++reads & (CHECK_EVERY - 1)) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new TimedOut();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new TimeBoxedText(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
