-- How far a sweep over the whole ledger has come, so that the next one reads only the rows changed
-- since: the encryption of rows written in clear runs at every start, and on a ledger of millions of
-- rows a full read each time would hold the start up for as long as the ledger keeps growing.
create table ledger_sweep (
    name          varchar(64)              not null primary key,
    covered_until timestamp with time zone not null
);
