-- revision: consolidate_tables (consolidated schemas, 2025-12-19)
-- The legacy table the old system wrote (a reference only: the app never writes it) and active_stocks, "empty, safe
-- to drop", of unknown origin (MIGRATION_STATUS.md:75-88). Neither's columns are documented beyond their purpose.
CREATE TABLE padealing.personal_account_dealing (
    id            integer PRIMARY KEY,
    employee_code varchar(50),
    security_code varchar(50),
    buy_sell      char(1),
    quantity      numeric(18,2),
    requested_on  date,
    status        varchar(30)
);
CREATE TABLE padealing.active_stocks (
    ticker     varchar(30) PRIMARY KEY,
    updated_at timestamptz
);
