#!/bin/sh
# One-shot job run by the `temporal-namespace` service (image temporalio/admin-tools, which ships the
# `temporal` CLI). Waits until the Temporal frontend answers, registers the namespace Steward uses if
# it does not exist yet, and waits until the frontend serves it, so the Steward services that depend
# on this job (condition: service_completed_successfully) never start against a missing namespace.
#
# Environment (set in docker-compose.yml): TEMPORAL_ADDRESS, NAMESPACE, NAMESPACE_RETENTION.
set -eu

: "${TEMPORAL_ADDRESS:=temporal:7233}"
: "${NAMESPACE:=default}"
: "${NAMESPACE_RETENTION:=72h}"
MAX_TRIES=90   # x 2 s = 3 minutes; the service's restart policy retries the whole job after that.

echo "Waiting for the Temporal frontend at ${TEMPORAL_ADDRESS}..."
tries=0
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" 2>/dev/null | grep -q SERVING; do
  tries=$((tries + 1))
  if [ "$tries" -ge "$MAX_TRIES" ]; then
    echo "Temporal frontend did not answer in time" >&2
    exit 1
  fi
  sleep 2
done
echo "Temporal frontend is serving."

if temporal operator namespace describe --namespace "$NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
  echo "Namespace '${NAMESPACE}' already exists."
else
  echo "Registering namespace '${NAMESPACE}' (retention ${NAMESPACE_RETENTION})."
  # A concurrent creator (or a retry after a partial failure) is fine: describe again below decides.
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$NAMESPACE_RETENTION" \
    --description "Steward" --address "$TEMPORAL_ADDRESS" || true
fi

# The frontend caches namespaces; wait until it serves this one before declaring success.
tries=0
until temporal operator search-attribute list --namespace "$NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge "$MAX_TRIES" ]; then
    echo "Namespace '${NAMESPACE}' is not available on the frontend" >&2
    exit 1
  fi
  sleep 2
done
echo "Namespace '${NAMESPACE}' is ready."
