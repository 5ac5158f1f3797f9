-- Login and registration attempts per bucket ('account:<sha256 of the email>' or 'address:<ip>')
-- per one-minute window (core/auth/sign-in-limits.ts). Unlogged: counters need no WAL and are
-- never published; a crash forgets at most the current minute.
create unlogged table sign_in_attempts (
  bucket        text not null,
  window_start  timestamptz not null,
  attempts      integer not null,
  primary key (bucket, window_start)
);
create index sign_in_attempts_window on sign_in_attempts (window_start);
