-- revision: f89971675f4c (rename_ai_risk_assessment, 2025-12-23)
-- The request's assessed risk (low/medium/high, e2e_test_scenarios.md:556) under the name the rename gave it.
ALTER TABLE padealing.pad_request ADD COLUMN risk_level varchar(10);
