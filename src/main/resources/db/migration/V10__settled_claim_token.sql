-- The token of the claim whose outcome last settled the row. An outcome whose commit went through but
-- whose answer was lost (a connection cut at that moment) is written again; finding its own token here
-- it knows the ledger holds it already, rather than taking the released claim for one taken over.
alter table declaration add column settled_claim_token varchar(36);
