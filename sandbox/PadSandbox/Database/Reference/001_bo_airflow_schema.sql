-- bo_airflow is owned by another system (an Airflow load from Oracle). The sandbox creates the tables the app reads,
-- with the columns dev has (conductor/tracks/dev_db_migration_validation_20260120/INVESTIGATION_SUMMARY.md:142-166;
-- T/schema_validation_dev_20260121/spec.md:102-134); the app role only ever gets SELECT on it.
-- Facts kept: oracle_employee has no email and no name column (e-mails and names are in oracle_contact, work contacts
-- contact_group_id 2, e-mail type contact_type_id 5), oracle_position has no last_trade_date (uat-plan.md:24),
-- ProductUsage is oracle_product_usage (uat-plan.md:21). Column types are not documented: the stand-in's choice.
CREATE SCHEMA IF NOT EXISTS bo_airflow;

-- All 49 columns dev has, in its order.
CREATE TABLE bo_airflow.oracle_employee (
    id integer PRIMARY KEY, mako_id varchar(50) NOT NULL, nationality varchar(50), gender varchar(10), status varchar(20),
    ni_number varchar(20), dob date, source_id integer, emergency_contact text, boffin_group varchar(50),
    encrypted_password text, password_expiry_date date, image bytea, start_date date, end_date date,
    -- the manager's mako_id (legacy text) beside manager_id, the key the app follows (schema_validation_dev_20260121/spec.md:102-106)
    manager varchar(50), review_type_id integer, next_review_date date, control_id integer, company varchar(100),
    t6_employee varchar(1), t9_payroll_id varchar(20), payroll_ref varchar(20), currency_id integer, gl_code varchar(20),
    employers_ni_code varchar(10), employers_pension_code varchar(10), loan_repayments numeric(18,2), entitlement numeric(6,2),
    max_carry_forward numeric(6,2), comments text, reason_for_leaving text, relocation_comments text, division_id integer,
    activity_code varchar(20), boffin_id_list text, entitlement_override numeric(6,2), signatory_level integer,
    goverance_yn varchar(1), leave_authoriser varchar(50), notice_period varchar(20), cost_centre varchar(20),
    mifid_long_code varchar(50), mifid_country_id integer, mifid_long_code_type varchar(20), mifid_short_code varchar(20),
    manager_id integer REFERENCES bo_airflow.oracle_employee(id), leave_authoriser_id integer, employee_type_id integer
);
CREATE UNIQUE INDEX ix_oracle_employee_mako_id ON bo_airflow.oracle_employee (mako_id);

CREATE TABLE bo_airflow.oracle_contact (
    id               integer PRIMARY KEY,
    employee_id      integer NOT NULL REFERENCES bo_airflow.oracle_employee(id),
    contact_group_id integer NOT NULL,
    contact_type_id  integer NOT NULL,
    email            varchar(200),
    forename         varchar(100),
    surname          varchar(100),
    telephone        varchar(50)
);

-- The columns confirmed in dev (INVESTIGATION_SUMMARY.md:163-166); description is the name, trade_currency the currency.
CREATE TABLE bo_airflow.oracle_bloomberg (
    id               integer PRIMARY KEY,
    bloomberg        varchar(50) NOT NULL,
    inst_symbol      varchar(30),
    inst_type        varchar(50),
    description      varchar(200),
    primary_exchange varchar(20),
    isin             varchar(12),
    sedol            varchar(7),
    reuters          varchar(30),
    cusip            varchar(9),
    trade_currency   char(3),
    is_deleted_yn    varchar(1) NOT NULL DEFAULT 'N',
    ticker           varchar(30)
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
