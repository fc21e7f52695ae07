-- The bundle instances sharing this ledger, each with a heartbeat: a claim on a declaration is
-- honoured only while the node that made it is alive, so that after a crash the declarations it
-- was calling for are resent (unchanged) as soon as its heartbeat is stale.
create table bundle_node (
    node_id       varchar(64)   not null primary key,
    started_at    timestamp with time zone not null,
    heartbeat_at  timestamp with time zone not null
);
