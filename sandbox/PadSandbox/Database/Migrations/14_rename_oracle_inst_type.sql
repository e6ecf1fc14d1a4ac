-- revision: 39539b3613cd (rename_oracle_inst_type, 2026-01-19)
-- A bo_airflow rename; nothing for padealing.
SELECT 1;
