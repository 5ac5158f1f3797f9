import type { AuditEntity } from '../../openapi/schemas/admin-audit.ts';
import type { Tx } from '../db/types.ts';
import type { OperatorClaims } from '../auth/session.ts';

// The audit trail: one row per operator change, written in the transaction that makes the
// change, so there is never a change without its row nor a row without its change.
export type AuditEntry = {
  /** What was done, as `<entity>.<verb>`: product.create, price.set, stock.adjust, order.refund, user.role … */
  action: string;
  entity: AuditEntity;
  entityId: string;
  before: unknown;
  after: unknown;
  reason?: string | null;
};

export async function recordAudit(tx: Tx, actor: OperatorClaims, entry: AuditEntry): Promise<void> {
  await tx`
    insert into audit_log (actor_id, actor_role, action, entity, entity_id, before, after, reason)
    values (${actor.sub}, ${actor.role}, ${entry.action}, ${entry.entity}, ${entry.entityId},
            ${entry.before == null ? null : tx.json(entry.before as never)}, ${entry.after == null ? null : tx.json(entry.after as never)}, ${entry.reason ?? null})`;
}
