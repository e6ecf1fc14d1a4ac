-- revision: add_reference_id (2025-12-22)
-- <MAKOID>-<yymmdd>-<TICKER>, e.g. AAGOMBAR-260119-AAPL (T/google_identity_integration_20260119/field-mapping.md:336).
ALTER TABLE padealing.pad_request ADD COLUMN reference_id varchar(60);
