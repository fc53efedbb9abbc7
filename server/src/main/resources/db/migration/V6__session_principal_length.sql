-- Sessions are indexed by the username (up to 150 characters), so a user's sessions can be ended.
alter table spring_session alter column principal_name type varchar(150);
