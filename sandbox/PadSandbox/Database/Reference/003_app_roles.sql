-- The firm's roles known to the app, and the restricted list compliance maintains.
INSERT INTO padealing.employee_role (employee_id, role) VALUES (1002, 'compliance'), (1006, 'compliance');
INSERT INTO padealing.restricted_security (security_id, ticker, reason, added_by_id)
SELECT id, ticker, 'Firm is advising on a pending transaction', 1002 FROM bo_airflow.oracle_bloomberg WHERE ticker = 'BARC';
