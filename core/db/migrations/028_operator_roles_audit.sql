-- Operators come in roles: catalog (products, prices, stock), support (orders, refunds) and
-- admin (everything, including other users' roles). Every operator change leaves an audit row:
-- who, in which role, when, what, and the entity before and after. No foreign key to users: an
-- audit trail outlives the accounts it names.
alter table users drop constraint if exists users_role_check;
alter table users add constraint users_role_check check (role in ('customer', 'catalog', 'support', 'admin'));

create table audit_log (
  id          bigserial primary key,
  actor_id    uuid not null,
  actor_role  text not null,
  action      text not null,
  entity      text not null,
  entity_id   text not null,
  before      jsonb,
  after       jsonb,
  reason      text,
  at          timestamptz not null default now()
);
create index audit_log_by_entity on audit_log (entity, entity_id, id);
create index audit_log_by_actor on audit_log (actor_id, id);
