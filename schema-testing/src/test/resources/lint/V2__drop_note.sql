alter table notes drop column note;
