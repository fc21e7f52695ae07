-- Personal data at rest: the personal fields inside request_fields and pending_fields are each
-- encrypted, and the row names the id of the key its fingerprint and request fields are under, so a
-- new key needs no rewrite and an old one can be retired once no row names it. Rows written before
-- are encrypted when the bundle next starts.
alter table declaration add column personal_key_id varchar(32);
-- When a settled declaration's personal fields were erased (its outcome and history stay).
alter table declaration add column personal_data_erased_at timestamp with time zone;
create index declaration_personal_key_idx on declaration (personal_key_id);
