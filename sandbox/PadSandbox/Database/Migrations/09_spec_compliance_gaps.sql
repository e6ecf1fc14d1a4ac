-- revision: spec_compliance_gaps (2025-12-24)
-- The declaration of no inside information (true = the person declares they hold none; T/spec_compliance_gaps_20251224/
-- plan.md:603-609,1050-1051), and the record of what compliance's decision rested on.
ALTER TABLE padealing.pad_request
    ADD COLUMN insider_info_declaration boolean NOT NULL DEFAULT false,
    ADD COLUMN insider_info_declared_at timestamptz;
CREATE TABLE padealing.compliance_decision_outcome (
    id          serial PRIMARY KEY,
    request_id  integer NOT NULL REFERENCES padealing.pad_request(id),
    outcome     varchar(20) NOT NULL,
    rationale   text,
    decided_by_id integer REFERENCES bo_airflow.oracle_employee(id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
