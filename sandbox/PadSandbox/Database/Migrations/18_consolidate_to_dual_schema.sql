-- revision: fc3b6e7695d9 (consolidate_to_dual_schema, 2026-01-21) — head; not applied to dev by decision
-- (MIGRATION_STATUS.md:20-40: both schemas exist already, so it is a no-op there).
CREATE SCHEMA IF NOT EXISTS padealing;
CREATE SCHEMA IF NOT EXISTS bo_airflow;
