-- Indexes for the questions an operator's tools ask of a large ledger, so that none of them scans it:
-- retransmissions due (every retransmissions poll), open declarations and the oldest one (metrics,
-- tracking, report), a day's declarations (report), the newest changes (status API list), and each
-- gateway's last call and calls in flight (health).
create index declaration_retransmit_idx on declaration (retransmit_after);
create index declaration_status_created_idx on declaration (status, created_at);
create index declaration_created_idx on declaration (created_at);
create index declaration_updated_idx on declaration (updated_at);
create index declaration_gateway_status_idx on declaration (gateway, status, last_declared_at);
-- (status, created_at) serves every question the status index answered
drop index declaration_status_idx;
