-- No query of the bundle looks rows up by their key any more: the encryption of rows written in clear
-- and the retention read the range of updated_at. On H2 every update of a declaration row rewrites its
-- entry in every index of the table, so an index no query needs costs each declaration's two writes.
-- (Counting the rows under a key before retiring it reads the table, once.)
drop index declaration_personal_key_idx;
