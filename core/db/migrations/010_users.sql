-- Accounts. Emails are stored lower-cased so uniqueness ignores case.
create table users (
  id             uuid primary key default gen_random_uuid(),
  email          text not null unique check (email = lower(email)),
  password_hash  text not null,
  role           text not null default 'customer' check (role in ('customer', 'admin')),
  created_at     timestamptz not null default now()
);
