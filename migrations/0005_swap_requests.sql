-- 0005: each swap or rollback an operator sends carries a request id, so a form sent twice records one swap
-- agent_desk_swap_audit.request_id: the id the form was rendered with (a double click, a retried request or a
-- second tab sends the same one); UNIQUE makes the second send find the first swap instead of writing another.
-- Automatic rollbacks have none (NULL; SQLite lets any number of NULLs share a UNIQUE index).
-- migrate:up
ALTER TABLE agent_desk_swap_audit ADD COLUMN request_id TEXT;
CREATE UNIQUE INDEX agent_desk_swap_audit_request ON agent_desk_swap_audit(request_id);
-- migrate:down
DROP INDEX agent_desk_swap_audit_request;
ALTER TABLE agent_desk_swap_audit DROP COLUMN request_id;
