-- Public reviews carry the name the reviewer chose (never a user id or email), and a review is
-- hidden (hidden_at) in the transaction that cancels or refunds the last purchase entitling it.
alter table reviews add column if not exists author_name text not null default 'Verified buyer', add column if not exists hidden_at timestamptz;
