-- Settings compliance can change without a release. conflict_detection declares that the advisory
-- firm-trading conflict check is implemented (the UAT plan runs scenario 9 only when it is).
INSERT INTO padealing.compliance_config (config_key, config_value) VALUES
    ('conflict_detection', 'enabled'),
    ('execution_window_days', '2');
