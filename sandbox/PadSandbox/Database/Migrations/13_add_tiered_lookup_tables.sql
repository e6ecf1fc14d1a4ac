-- revision: a50909b3c7db (add_tiered_lookup_tables, 2026-01-19)
-- Bloomberg → MapInstSymbol → Product lookup (UAT_ISSUES_FOUND.md:89-92): the tables are bo_airflow's, loaded by Airflow.
SELECT 1;
