-- revision: security_tables (Oracle table creation, 2025-12-19)
-- Created the oracle_* tables in the app's own database; on dev they belong to bo_airflow, loaded by Airflow, so
-- nothing of it applies to padealing (INVESTIGATION_SUMMARY.md, "Migration Violations").
SELECT 1;
