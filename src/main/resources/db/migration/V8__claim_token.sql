-- Fencing: every claim on a declaration carries a token of its own, written with it and cleared when
-- its outcome releases it. A node checks its token on the row before every call and every outcome
-- write of the claim, so that a node that was cut off and whose claim another node has taken over
-- since neither calls nor writes for it.
alter table declaration add column claim_token varchar(36);
