-- Runs once, when the postgres container initialises an empty data volume
-- (docker-entrypoint-initdb.d). The image itself creates the Steward database (POSTGRES_DB=steward);
-- this adds the two databases Temporal persists to. temporal-schema (deploy/temporal/setup-schema.sh)
-- also creates them when missing, so a volume initialised before this file existed still works.
CREATE DATABASE temporal;
CREATE DATABASE temporal_visibility;
