-- Replays must be byte-identical to the first answer; jsonb would reorder keys, text does not.
alter table idempotency_keys alter column response_body type text using response_body::text;
