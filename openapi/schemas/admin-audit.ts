import { z } from '@hono/zod-openapi';
import { pageLimitQuery } from './common.ts';

// The audit trail as admins read it: one entry per operator change.
export const AuditEntitySchema = z.enum(['product', 'inventory', 'order', 'user', 'webhook_endpoint', 'webhook_delivery']).openapi('AuditEntity');

/** An audit cursor: the id of the last entry of the previous page. */
export const AUDIT_CURSOR_PATTERN = /^[1-9][0-9]{0,17}$/;

export const AuditQuerySchema = z.object({
  entity: AuditEntitySchema.optional().openapi({ param: { name: 'entity', in: 'query' } }),
  entity_id: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: 'entity_id', in: 'query' } }),
  actor_id: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'actor_id', in: 'query' } }),
  action: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .max(100)
    .optional()
    .openapi({ param: { name: 'action', in: 'query' }, example: 'order.refund' }),
  cursor: z
    .string()
    .regex(AUDIT_CURSOR_PATTERN)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'next_cursor of the previous page' }),
  limit: pageLimitQuery(50),
});

export const AuditEntrySchema = z
  .object({
    id: z.string().openapi({ description: 'Increasing with time' }),
    actor_id: z.uuid(),
    actor_role: z.string(),
    action: z.string().openapi({ example: 'order.refund' }),
    entity: AuditEntitySchema,
    entity_id: z.string(),
    before: z.unknown().openapi({ description: 'The entity before the change (null when it was created)' }),
    after: z.unknown().openapi({ description: 'The entity after the change' }),
    reason: z.string().nullable(),
    at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AuditEntry');
export const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), next_cursor: z.string().nullable() }).openapi('AuditPage');

export type AuditEntity = z.infer<typeof AuditEntitySchema>;
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
