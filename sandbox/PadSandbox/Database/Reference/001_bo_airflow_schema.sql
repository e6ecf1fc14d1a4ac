-- bo_airflow is owned by another system (an Airflow load from Oracle). The sandbox creates it so the
-- app's foreign keys have something to point at; the app role only ever gets SELECT on it.
-- Facts kept from the UAT plan: oracle_employee has no email/full_name (e-mails live in contact),
-- oracle_position has no last_trade_date, ProductUsage is oracle_product_usage.
CREATE SCHEMA IF NOT EXISTS bo_airflow;

CREATE TABLE bo_airflow.oracle_employee (
    id          integer PRIMARY KEY,
    forename    text NOT NULL,
    surname     text NOT NULL,
    division    text NOT NULL,
    cost_centre text NOT NULL,
    manager_id  integer REFERENCES bo_airflow.oracle_employee(id),
    start_date  date NOT NULL,
    is_active   boolean NOT NULL DEFAULT true
);

CREATE TABLE bo_airflow.contact (
    id           integer PRIMARY KEY,
    employee_id  integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    contact_type text NOT NULL,
    value        text NOT NULL
);
CREATE UNIQUE INDEX ix_contact_email ON bo_airflow.contact (lower(value)) WHERE contact_type = 'email';

CREATE TABLE bo_airflow.oracle_bloomberg (
    id            integer PRIMARY KEY,
    ticker        text NOT NULL,
    bloomberg     text NOT NULL,
    description   text NOT NULL,
    inst_symbol   text NOT NULL,
    inst_type     text NOT NULL,
    currency      char(3) NOT NULL,
    -- Bloomberg's own flag from the vendor feed; the firm's restricted list is padealing.restricted_security.
    is_restricted boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX ix_oracle_bloomberg_ticker ON bo_airflow.oracle_bloomberg (ticker);

CREATE TABLE bo_airflow.oracle_portfolio_group (
    id   integer PRIMARY KEY,
    name text NOT NULL,
    desk text NOT NULL
);

CREATE TABLE bo_airflow.oracle_portfolio_meta_data (
    id                 integer PRIMARY KEY,
    portfolio_group_id integer NOT NULL REFERENCES bo_airflow.oracle_portfolio_group(id),
    meta_key           text NOT NULL,
    meta_value         text NOT NULL
);

CREATE TABLE bo_airflow.oracle_position (
    id                 integer PRIMARY KEY,
    portfolio_group_id integer NOT NULL REFERENCES bo_airflow.oracle_portfolio_group(id),
    security_id        integer NOT NULL REFERENCES bo_airflow.oracle_bloomberg(id),
    quantity           numeric(18,2) NOT NULL,
    position_date      date NOT NULL
);

CREATE TABLE bo_airflow.oracle_product_usage (
    id         integer PRIMARY KEY,
    inst_type  text NOT NULL,
    usage      text NOT NULL
);

CREATE TABLE bo_airflow.oracle_employee_log (
    id          integer PRIMARY KEY,
    employee_id integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    event       text NOT NULL,
    logged_at   timestamptz NOT NULL
);
