#!/bin/bash
# Runs once, when docker compose starts PostgreSQL on an empty data volume (docker-entrypoint-initdb.d).
# One database per service, as in production (DESIGN §2: each service owns its data), and a read-only role for
# Grafana's analytics panels. A shell script rather than plain SQL because the role's password comes from the
# environment (GRAFANA_READER_PASSWORD), not from the repository.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v reader_password="${GRAFANA_READER_PASSWORD:?GRAFANA_READER_PASSWORD is not set}" <<'SQL'
CREATE DATABASE dealflow_deal;
CREATE DATABASE dealflow_task;
CREATE DATABASE dealflow_handoff;
CREATE DATABASE dealflow_analytics;

CREATE ROLE grafana_reader LOGIN PASSWORD :'reader_password';
-- PUBLIC may connect to any database by default; the reader sees analytics only.
REVOKE CONNECT ON DATABASE dealflow_deal, dealflow_task, dealflow_handoff FROM PUBLIC;
GRANT CONNECT ON DATABASE dealflow_analytics TO grafana_reader;
SQL

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname dealflow_analytics <<SQL
GRANT USAGE ON SCHEMA public TO grafana_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO grafana_reader;
-- The tables do not exist yet: analytics-service's Flyway migrations create them, as the services' user, and a
-- projection rebuild creates the next generation's tables later still. Default privileges of that user cover both.
ALTER DEFAULT PRIVILEGES FOR ROLE "$POSTGRES_USER" IN SCHEMA public GRANT SELECT ON TABLES TO grafana_reader;
SQL
