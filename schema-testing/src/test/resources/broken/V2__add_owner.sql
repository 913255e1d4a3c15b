-- A typo on line 3: the column type does not exist.
alter table accounts
    add column owner_id bigintt;
