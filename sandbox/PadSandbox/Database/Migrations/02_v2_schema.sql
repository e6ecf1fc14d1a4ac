-- revision: v2_schema (schema v2 refactor, 2025-12-18)
-- Breaches of the policy found after the fact (a late execution, a trade never pre-approved). The table is one of
-- dev's 13 (MIGRATION_STATUS.md:75-88); its columns are not documented, so the stand-in gives it the few it uses.
CREATE TABLE padealing.pad_breach (
    id          serial PRIMARY KEY,
    request_id  integer REFERENCES padealing.pad_request(id),
    employee_id integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    breach_type varchar(50) NOT NULL,
    details     text,
    detected_at timestamptz NOT NULL DEFAULT now()
);
