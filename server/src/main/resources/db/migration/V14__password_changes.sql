-- Set for a member whose password someone else chose (added by a superuser, or reset): every API call
-- but the password change answers 403 until the member sets their own. Django's users keep false.
alter table users add column must_change_password boolean not null default false;
