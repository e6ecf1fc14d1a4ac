-- Two years of past requests from everyone but the UAT test people (Alex Morgan 1010, Riley Fenwick 1011),
-- so the dashboard and its queries are measured with realistic volume. Rows are grouped by employee
-- as a real table filled over time by few people would be; pending ones are rare, as in life.
INSERT INTO padealing.pad_request (employee_id, security_id, direction, quantity, estimated_value, currency, status,
                                   insider_info_declaration, created_at, updated_at, deleted_at, deleted_by_id, risk_level)
SELECT e.id,
       2001 + (n % 33),
       CASE WHEN n % 3 = 0 THEN 'SELL' ELSE 'BUY' END,
       10 + (n % 50) * 10,
       1000 + (n % 97) * 250,
       'USD',
       s.status,
       true,
       now() - make_interval(days => 3 + (n % 700)),
       now() - make_interval(days => 2 + (n % 700)),
       CASE WHEN s.status = 'withdrawn' THEN now() - make_interval(days => 2 + (n % 700)) END,
       CASE WHEN s.status = 'withdrawn' THEN e.id END,
       -- The risk as routing assessed it at the default thresholds (RiskRouting: from 10 000 medium, from 50 000 high).
       CASE WHEN 1000 + (n % 97) * 250 >= 50000 THEN 'HIGH' WHEN 1000 + (n % 97) * 250 >= 10000 THEN 'MEDIUM' ELSE 'LOW' END
FROM generate_series(0, {{history}} - 1) AS n
CROSS JOIN LATERAL (SELECT id FROM bo_airflow.oracle_employee WHERE id NOT IN (1010, 1011)
                    ORDER BY id OFFSET (n * 22 / GREATEST({{history}}, 1)) LIMIT 1) AS e
CROSS JOIN LATERAL (SELECT CASE WHEN n % 100 < 62 THEN 'executed' WHEN n % 100 < 77 THEN 'declined'
                                WHEN n % 100 < 87 THEN 'withdrawn' WHEN n % 100 < 97 THEN 'approved'
                                WHEN n % 100 < 99 THEN 'pending_compliance' ELSE 'pending_manager' END AS status) AS s;
INSERT INTO padealing.audit_log (request_id, actor_id, action_type, entity_type, entity_id, details, "timestamp")
SELECT id, employee_id, 'pad_request_submitted', 'pad_request', id, jsonb_build_object('source', 'history'), created_at
FROM padealing.pad_request;
ANALYZE padealing.pad_request;
ANALYZE padealing.audit_log;
