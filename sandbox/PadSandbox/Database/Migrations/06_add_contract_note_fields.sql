-- revision: f07c3c54e637 (add_contract_note_fields, 2025-12-22)
-- T/db_migration_20251230/plan.md:120-133.
ALTER TABLE padealing.pad_execution
    ADD COLUMN contract_note_path     text,
    ADD COLUMN contract_note_received boolean NOT NULL DEFAULT false;
