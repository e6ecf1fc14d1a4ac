-- revision: add_reference_id_to_audit_log (2025-12-29)
-- T/google_identity_integration_20260119/field-mapping.md:350.
ALTER TABLE padealing.audit_log ADD COLUMN reference_id varchar(60);
