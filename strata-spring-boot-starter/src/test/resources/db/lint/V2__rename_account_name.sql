-- A second release that breaks the first release's code while both run: the lint gate's rename-column.
alter table accounts rename column name to full_name;
