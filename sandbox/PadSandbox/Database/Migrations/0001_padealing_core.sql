-- The PA-dealing application's own tables. Every foreign key into bo_airflow points at reference data
-- the app may read but never writes.
CREATE TABLE padealing.pad_request (
    id              serial PRIMARY KEY,
    employee_id     integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    security_id     integer NOT NULL REFERENCES bo_airflow.oracle_bloomberg(id),
    direction       text NOT NULL CHECK (direction IN ('buy', 'sell')),
    quantity        numeric(18,2) NOT NULL CHECK (quantity > 0),
    estimated_value numeric(18,2) NOT NULL CHECK (estimated_value > 0),
    currency        char(3) NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending_manager', 'pending_compliance', 'approved',
                                                     'rejected', 'executed', 'withdrawn')),
    no_inside_information boolean NOT NULL,
    conflict_flag   boolean NOT NULL DEFAULT false,
    conflict_detail text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz,
    deleted_by_id   integer REFERENCES bo_airflow.oracle_employee(id)
);

CREATE TABLE padealing.pad_approval (
    id            serial PRIMARY KEY,
    request_id    integer NOT NULL REFERENCES padealing.pad_request(id),
    approval_type text NOT NULL CHECK (approval_type IN ('manager', 'compliance')),
    approver_id   integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    decision      text NOT NULL CHECK (decision IN ('approved', 'rejected')),
    comment       text,
    decided_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (request_id, approval_type)
);

CREATE TABLE padealing.pad_execution (
    id                       serial PRIMARY KEY,
    request_id               integer NOT NULL UNIQUE REFERENCES padealing.pad_request(id),
    executed_at              timestamptz NOT NULL,
    price                    numeric(18,4) NOT NULL CHECK (price > 0),
    quantity                 numeric(18,2) NOT NULL CHECK (quantity > 0),
    executed_within_two_days boolean NOT NULL,
    recorded_at              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE padealing.audit_log (
    id         bigserial PRIMARY KEY,
    request_id integer REFERENCES padealing.pad_request(id),
    actor_id   integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    action     text NOT NULL,
    details    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE padealing.restricted_security (
    id          serial PRIMARY KEY,
    security_id integer NOT NULL REFERENCES bo_airflow.oracle_bloomberg(id),
    ticker      text NOT NULL,
    reason      text NOT NULL,
    added_by_id integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE padealing.chatbot_session (
    id             serial PRIMARY KEY,
    slack_user_id  text NOT NULL UNIQUE,
    employee_id    integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    state          text NOT NULL,
    draft          jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE padealing.compliance_config (
    config_key   text PRIMARY KEY,
    config_value text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE padealing.employee_role (
    id          serial PRIMARY KEY,
    employee_id integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    role        text NOT NULL CHECK (role IN ('compliance', 'admin')),
    UNIQUE (employee_id, role)
);
