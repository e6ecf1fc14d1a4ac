-- revision: 06750fdfd3a9 (add_contact_tables, 2026-01-20)
-- oracle_contact is bo_airflow's (work e-mails: contact_group_id 2, contact_type_id 5); nothing for padealing.
SELECT 1;
