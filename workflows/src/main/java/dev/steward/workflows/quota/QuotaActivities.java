package dev.steward.workflows.quota;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface QuotaActivities {
    ChargeResult charge(ChargeRequest request);

    /** Gives back a unit whose paid work did not happen (the model never answered). Idempotent. */
    void refund(ChargeRequest request);

    /** True for at most one message per channel per day once the quota is spent. Idempotent per message. */
    boolean claimUnavailableNotice(UnavailableNoticeRequest request);

    /** The per-member abuse guard on /ask and mentions: false means "slow down". */
    boolean allowMember(RateRequest request);
}
