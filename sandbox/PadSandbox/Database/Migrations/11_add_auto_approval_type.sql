-- revision: add_auto_approval_type (2025-12-29)
-- Auto-approval of low-risk requests (auto_approve_enabled, e2e_test_scenarios.md:20-40). The value it added is not
-- documented; an auto-approved request is 'approved' with no approval row (compliance_enhancements_20260127/spec.md:9).
SELECT 1;
