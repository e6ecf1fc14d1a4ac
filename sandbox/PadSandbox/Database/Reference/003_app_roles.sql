-- The firm's roles known to the app, its settings, and the restricted list compliance maintains.
INSERT INTO padealing.employee_role (employee_id, role) VALUES (1002, 'compliance'), (1006, 'compliance'), (1001, 'smf16');
-- The seeded settings and their defaults (conductor/tracks/e2e_uat_audit_20251229/e2e_test_scenarios.md:526-532);
-- trade_execution_deadline_days names the two business days of PA Dealing Policy v18.5 (dashboard_redesign_20260209/
-- spec.md:69). conflict_detection is the stand-in's own: it declares the advisory firm-trading check implemented, which
-- the real system was not at its UAT (delivered 2026-02-03), so the plan's scenario 9 ("if implemented") runs here.
INSERT INTO padealing.compliance_config (config_key, config_value, config_type, description, category) VALUES
    ('medium_value_threshold', '10000', 'decimal', 'Value from which a request needs the manager and compliance', 'risk'),
    ('high_value_threshold', '50000', 'decimal', 'Value from which a request also needs the SMF16 approver', 'risk'),
    ('auto_approve_enabled', 'true', 'boolean', 'Approve low-risk requests without a person', 'risk'),
    ('holding_period_days', '30', 'integer', 'Days a position must be held', 'policy'),
    ('mako_lookback_days', '90', 'integer', 'Days of firm trading a request is checked against', 'conflicts'),
    ('trade_execution_deadline_days', '2', 'integer', 'Business days from approval to execution', 'policy'),
    ('conflict_detection', 'enabled', 'string', 'The advisory firm-trading conflict check', 'conflicts'),
    -- Not a documented key: the business days' holidays (England and Wales bank holidays), the stand-in's.
    ('bank_holidays', '2025-01-01,2025-04-18,2025-04-21,2025-05-05,2025-05-26,2025-08-25,2025-12-25,2025-12-26,'
                   || '2026-01-01,2026-04-03,2026-04-06,2026-05-04,2026-05-25,2026-08-31,2026-12-25,2026-12-28,'
                   || '2027-01-01,2027-03-26,2027-03-29,2027-05-03,2027-05-31,2027-08-30,2027-12-27,2027-12-28',
     'list', 'Days that are not business days for the execution deadline', 'policy');
INSERT INTO padealing.restricted_security (security_id, ticker, reason, added_by_id)
SELECT id, ticker, 'Firm is advising on a pending transaction', 1002 FROM bo_airflow.oracle_bloomberg WHERE ticker = 'BARC';
