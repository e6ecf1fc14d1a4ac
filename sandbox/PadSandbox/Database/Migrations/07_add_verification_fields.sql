-- revision: fda9d658ebc6 (add_verification_fields, 2025-12-22)
-- Its ALTERs of bo_airflow tables were no-ops on dev (the columns came with the Oracle load; INVESTIGATION_SUMMARY.md,
-- "Migration Violations"); the stand-in keeps only the padealing part.
ALTER TABLE padealing.pad_execution
    ADD COLUMN contract_note_verified boolean NOT NULL DEFAULT false,
    ADD COLUMN verification_metadata  jsonb;
