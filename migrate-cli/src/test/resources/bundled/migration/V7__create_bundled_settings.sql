-- A migration shipped on the class path (as in an application jar), for NewCommandTest.
create table bundled_settings (name text primary key, value text not null);
