-- Retransmission (seed 003): the same declarationRequestId may be declared again with changed
-- merchant customs code/name, customs code or amount, but not earlier than a wait after the last
-- call. A change that comes earlier waits here until it is due.
alter table declaration add column pending_fields varchar(4000);
alter table declaration add column pending_fingerprint varchar(64);
alter table declaration add column retransmit_after timestamp with time zone;
