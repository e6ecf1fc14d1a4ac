-- The dashboard filters requests by status and by employee, and joins everything on request_id.
CREATE INDEX ix_pad_request_status      ON padealing.pad_request (status);
CREATE INDEX ix_pad_request_employee_id ON padealing.pad_request (employee_id);
CREATE INDEX ix_pad_request_security_id ON padealing.pad_request (security_id);
CREATE INDEX ix_pad_approval_request_id ON padealing.pad_approval (request_id);
CREATE INDEX ix_audit_log_request_id    ON padealing.audit_log (request_id);
CREATE INDEX ix_audit_log_created_at    ON padealing.audit_log (created_at);
CREATE INDEX ix_restricted_security_security_id ON padealing.restricted_security (security_id) WHERE is_active;
