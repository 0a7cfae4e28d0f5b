package dev.steward.workflows.quota;

public record ChargeResult(Status status, long used, long limit) {

    public enum Status {
        CHARGED,
        /** A previous attempt already charged this key: nothing new was charged. */
        ALREADY_CHARGED,
        /** The quota is spent. */
        REFUSED
    }

    public boolean refused() {
        return status == Status.REFUSED;
    }
}
