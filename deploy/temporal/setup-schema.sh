#!/bin/sh
# One-shot job run by the `temporal-schema` service (image temporalio/admin-tools, which ships
# temporal-sql-tool, the PostgreSQL client and the versioned schema files of its Temporal release).
#
# Creates the `temporal` and `temporal_visibility` databases if they are missing, initialises the
# schema version tables on first run only, then applies every pending versioned migration. Safe to run
# on every `docker compose up`, and after bumping the Temporal version: update-schema applies only
# versions newer than the recorded one, and setup-schema runs only while no schema exists yet.
#
# Environment (set in docker-compose.yml): SQL_HOST, SQL_PORT, SQL_USER, SQL_PASSWORD.
set -eu

: "${SQL_HOST:?SQL_HOST is required}"
: "${SQL_PORT:=5432}"
: "${SQL_USER:?SQL_USER is required}"
: "${SQL_PASSWORD:?SQL_PASSWORD is required}"
PLUGIN=postgres12
SCHEMA_ROOT=/etc/temporal/schema/postgresql/v12
export PGPASSWORD="$SQL_PASSWORD"

sqltool() {
  # The password travels in SQL_PASSWORD (read by temporal-sql-tool), not on the command line.
  temporal-sql-tool --plugin "$PLUGIN" --ep "$SQL_HOST" -p "$SQL_PORT" -u "$SQL_USER" "$@"
}

HAVE_PSQL=false
if command -v psql >/dev/null 2>&1; then HAVE_PSQL=true; fi

psql_q() {
  psql -h "$SQL_HOST" -p "$SQL_PORT" -U "$SQL_USER" -v ON_ERROR_STOP=1 -tAq "$@"
}

db_ready() {
  if [ "$HAVE_PSQL" = true ]; then
    psql_q -d postgres -c 'SELECT 1' >/dev/null 2>&1
  else
    nc -z "$SQL_HOST" "$SQL_PORT" >/dev/null 2>&1
  fi
}

echo "Waiting for PostgreSQL at ${SQL_HOST}:${SQL_PORT}..."
tries=0
until db_ready; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "PostgreSQL did not become ready in time" >&2
    exit 1
  fi
  sleep 2
done

setup_db() {
  db="$1"
  dir="$2"
  if [ "$HAVE_PSQL" = true ]; then
    if [ "$(psql_q -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '${db}'")" != "1" ]; then
      echo "Creating database ${db}"
      sqltool --db "$db" create
    fi
    if [ "$(psql_q -d "$db" -c "SELECT to_regclass('public.schema_version') IS NOT NULL")" != "t" ]; then
      echo "Initialising schema version tables in ${db}"
      sqltool --db "$db" setup-schema -v 0.0
    fi
    echo "Applying pending schema updates to ${db}"
    sqltool --db "$db" update-schema -d "$dir"
  else
    # No psql in this image: rely on the tool alone. `create` tolerates an existing database on
    # PostgreSQL; update-schema fails only while the version tables do not exist yet.
    sqltool --db "$db" create || echo "create ${db}: assuming it already exists"
    if ! sqltool --db "$db" update-schema -d "$dir"; then
      echo "Initialising schema version tables in ${db}"
      sqltool --db "$db" setup-schema -v 0.0
      sqltool --db "$db" update-schema -d "$dir"
    fi
  fi
}

setup_db temporal "${SCHEMA_ROOT}/temporal/versioned"
setup_db temporal_visibility "${SCHEMA_ROOT}/visibility/versioned"

echo "Temporal schemas are up to date."
