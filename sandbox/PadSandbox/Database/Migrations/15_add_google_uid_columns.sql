-- revision: 98b90c8f1ba4 (add_google_uid_columns, 2026-01-19)
-- T/google_identity_integration_20260119/field-mapping.md:58; db_migration_20251230/plan.md:93-102,139-149.
ALTER TABLE padealing.pad_request  ADD COLUMN google_uid varchar(50);
ALTER TABLE padealing.pad_approval ADD COLUMN approver_google_uid varchar(50);
ALTER TABLE padealing.audit_log    ADD COLUMN google_uid varchar(50);
