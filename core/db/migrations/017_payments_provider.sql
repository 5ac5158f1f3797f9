-- payments becomes the payment module's ledger for any provider: which provider holds each
-- attempt, under the provider's own reference. Rows from before were the sandbox's, which used
-- the row id as its reference.
alter table payments add column provider text, add column provider_ref text;
update payments set provider = 'sandbox', provider_ref = 'sandbox-' || id;
alter table payments alter column provider set not null, alter column provider_ref set not null;
