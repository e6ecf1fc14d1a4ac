-- revision: 1e2bea66afb6 (add_legacy_pad_fields, 2026-01-20) — dev's current revision at the UAT
-- T/db_migration_20251230/plan.md:34-36; types T/legacy_field_review_20260120/spec.md:14-32.
ALTER TABLE padealing.pad_request
    ADD COLUMN conflict_comments        text,
    ADD COLUMN other_comments           text,
    ADD COLUMN broker_reporting         varchar(100),
    ADD COLUMN is_derivative            boolean NOT NULL DEFAULT false,
    ADD COLUMN is_leveraged             boolean NOT NULL DEFAULT false,
    ADD COLUMN related_party_name       varchar(200),
    ADD COLUMN signed_declaration       boolean NOT NULL DEFAULT false,
    ADD COLUMN updated_by_id            integer REFERENCES bo_airflow.oracle_employee(id),
    ADD COLUMN deleted_at               timestamptz,
    ADD COLUMN deleted_by_id            integer REFERENCES bo_airflow.oracle_employee(id),
    ADD COLUMN executed_within_two_days boolean;
