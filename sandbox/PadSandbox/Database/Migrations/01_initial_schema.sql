-- revision: 4143273be37f (initial_schema, 2025-12-17)
-- The PA-dealing application's own tables, with the column names the implementation tracks give them
-- (conductor/tracks/db_migration_20251230/plan.md:44-165). Every foreign key into bo_airflow points at reference
-- data the app may read but never writes. Column types are not documented beyond a few (see sandbox/README.md).
CREATE TABLE padealing.pad_request (
    id              serial PRIMARY KEY,
    employee_id     integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    security_id     integer NOT NULL REFERENCES bo_airflow.oracle_bloomberg(id),
    ticker          varchar(30),
    -- 'BUY'/'SELL' (legacy B/S mapped, db_migration_20251230/plan.md:62)
    direction       varchar(4) NOT NULL CHECK (direction IN ('BUY', 'SELL')),
    quantity        numeric(18,2) NOT NULL CHECK (quantity > 0),
    estimated_value numeric(18,2) NOT NULL CHECK (estimated_value > 0),
    currency        char(3) NOT NULL,
    -- The implementation's statuses (db_migration_20251230/plan.md:84-87, e2e_test_scenarios.md:125,304) and the
    -- checklist's withdrawn (scenario 6: the UAT confirms withdrawal although the tracks had not built it yet).
    status          varchar(30) NOT NULL CHECK (status IN ('pending_manager', 'pending_compliance', 'pending_smf16', 'approved',
                                                           'declined', 'executed', 'withdrawn')),
    justification   text,
    is_related_party boolean NOT NULL DEFAULT false,
    has_conflict    boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE padealing.pad_approval (
    id            serial PRIMARY KEY,
    request_id    integer NOT NULL REFERENCES padealing.pad_request(id),
    approval_type varchar(20) NOT NULL CHECK (approval_type IN ('manager', 'compliance', 'smf16')),
    approver_id   integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    decision      varchar(20) NOT NULL CHECK (decision IN ('approved', 'declined')),
    comments      text,
    decided_at    timestamptz NOT NULL DEFAULT now(),
    restricted_check     boolean,
    holding_period_check boolean,
    conflict_check       boolean,
    UNIQUE (request_id, approval_type)
);

CREATE TABLE padealing.pad_execution (
    id                 serial PRIMARY KEY,
    request_id         integer NOT NULL UNIQUE REFERENCES padealing.pad_request(id),
    executed_at        timestamptz NOT NULL,
    execution_price    numeric(18,4) NOT NULL CHECK (execution_price > 0),
    execution_quantity numeric(18,2) NOT NULL CHECK (execution_quantity > 0),
    broker_reference   varchar(100),
    recorded_by_id     integer REFERENCES bo_airflow.oracle_employee(id),
    created_at         timestamptz NOT NULL DEFAULT now()
);

-- action_status is success or blocked: a refused restricted security is pad_request_submitted / blocked
-- (e2e_test_scenarios.md:179), with no request.
CREATE TABLE padealing.audit_log (
    id            bigserial PRIMARY KEY,
    "timestamp"   timestamptz NOT NULL DEFAULT now(),
    action_type   varchar(100) NOT NULL,
    action_status varchar(20) NOT NULL DEFAULT 'success',
    actor_type    varchar(20) NOT NULL DEFAULT 'user',
    actor_id      integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    entity_type   varchar(50),
    entity_id     integer,
    request_id    integer REFERENCES padealing.pad_request(id),
    details       jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- created_at is not in the documents (DV/plan.md:310 names the others); the stand-in keeps it (sandbox/README.md).
CREATE TABLE padealing.restricted_security (
    id          serial PRIMARY KEY,
    security_id integer NOT NULL REFERENCES bo_airflow.oracle_bloomberg(id),
    ticker      varchar(30) NOT NULL,
    reason      text NOT NULL,
    added_by_id integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One session per Slack thread (slack_thread_<ts>, T/conversational_session_hardening_20260104/spec.md:9-30).
CREATE TABLE padealing.chatbot_session (
    id             serial PRIMARY KEY,
    session_id     varchar(100) NOT NULL UNIQUE,
    slack_user_id  varchar(30) NOT NULL,
    employee_id    integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    state          varchar(50) NOT NULL,
    draft          jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- T/restricted_instruments_ui_20260202/plan.md:120-131 describes the model's columns.
CREATE TABLE padealing.compliance_config (
    config_key   varchar(100) PRIMARY KEY,
    config_value text NOT NULL,
    config_type  varchar(20) NOT NULL DEFAULT 'string',
    description  text,
    category     varchar(50),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- conductor/user_identity_flow.md:158-159; managers are not a role (they come from oracle_employee.manager_id).
CREATE TABLE padealing.employee_role (
    id          serial PRIMARY KEY,
    employee_id integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    role        varchar(20) NOT NULL CHECK (role IN ('compliance', 'smf16', 'admin')),
    granted_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    UNIQUE (employee_id, role)
);

-- The dashboard filters requests by status and by employee, and joins everything on request_id.
CREATE INDEX ix_pad_request_status      ON padealing.pad_request (status);
CREATE INDEX ix_pad_request_employee_id ON padealing.pad_request (employee_id);
CREATE INDEX ix_pad_request_security_id ON padealing.pad_request (security_id);
CREATE INDEX ix_pad_approval_request_id ON padealing.pad_approval (request_id);
CREATE INDEX ix_audit_log_request_id    ON padealing.audit_log (request_id);
CREATE INDEX ix_audit_log_timestamp     ON padealing.audit_log ("timestamp");
CREATE INDEX ix_restricted_security_security_id ON padealing.restricted_security (security_id) WHERE is_active;
