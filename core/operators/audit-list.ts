import type { AuditEntity, AuditEntry, AuditQuery } from '../../openapi/schemas/admin-audit.ts';
import type { Sql } from '../db/types.ts';

// The audit trail, newest first; the cursor is the id of the last entry shown (ids grow with time).
type AuditRow = Omit<AuditEntry, 'at' | 'entity'> & { entity: AuditEntity; at: Date };

export async function listAudit(sql: Sql, q: AuditQuery): Promise<{ items: AuditEntry[]; next_cursor: string | null }> {
  const rows = await sql<AuditRow[]>`
    select id::text as id, actor_id, actor_role, action, entity, entity_id, before, after, reason, at from audit_log
    where true
      ${q.entity ? sql`and entity = ${q.entity}` : sql``}
      ${q.entity_id ? sql`and entity_id = ${q.entity_id}` : sql``}
      ${q.actor_id ? sql`and actor_id = ${q.actor_id}` : sql``}
      ${q.action ? sql`and action = ${q.action}` : sql``}
      ${q.cursor ? sql`and id < ${q.cursor}::bigint` : sql``}
    order by id desc
    limit ${q.limit + 1}`;
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    next_cursor: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
