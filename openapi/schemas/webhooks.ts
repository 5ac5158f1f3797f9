import { z } from '@hono/zod-openapi';
import { keysetCursorQuery, pageLimitQuery } from './common.ts';
import { WebhookEventTypeSchema } from './webhook-events.ts';

// Webhook endpoints as operators manage them, and the delivery log they read.

const uuidPath = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });
export const WebhookEndpointParamsSchema = z.object({ endpoint_id: uuidPath('endpoint_id') });
export const WebhookDeliveryParamsSchema = z.object({ endpoint_id: uuidPath('endpoint_id'), delivery_id: uuidPath('delivery_id') });

const dateTime = z.string().openapi({ format: 'date-time' });

const url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .openapi({
    description: 'Where deliveries are posted. In production: https, and the host must resolve only to public addresses (422 otherwise)',
    example: 'https://hooks.example.com/commerce',
  });
const eventTypes = z
  .array(WebhookEventTypeSchema)
  .min(1)
  .max(WebhookEventTypeSchema.options.length)
  .refine((types) => new Set(types).size === types.length, 'event types must be unique')
  .openapi({ uniqueItems: true, description: 'The events this endpoint receives', example: ['order.paid', 'order.shipped'] });
const description = z.string().max(500);

export const WebhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    event_types: z.array(WebhookEventTypeSchema),
    description: z.string().nullable(),
    enabled: z.boolean().openapi({ description: 'A disabled endpoint gets no new deliveries' }),
    created_at: dateTime,
    updated_at: dateTime,
  })
  .openapi('WebhookEndpoint');

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().startsWith('whsec_').openapi({
    description: 'The signing secret (HMAC-SHA256 key of the Webhook-Signature header). Shown only in this answer: store it now',
    example: 'whsec_3q2-7wYtFJt4Q0xwK8n9VZsR1mCkq1sB2a0pXyL5d8E',
  }),
}).openapi('WebhookEndpointWithSecret');

export const CreateWebhookEndpointBodySchema = z
  .strictObject({ url, event_types: eventTypes, description: description.optional() })
  .openapi('CreateWebhookEndpointRequest');

export const UpdateWebhookEndpointBodySchema = z
  .strictObject({
    url: url.optional(),
    event_types: eventTypes.optional(),
    description: description.nullable().optional().openapi({ description: 'null clears it' }),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'name at least one field to change')
  .openapi('UpdateWebhookEndpointRequest', { minProperties: 1, description: 'At least one field' });

const pageQuery = {
  cursor: keysetCursorQuery('items'),
  limit: pageLimitQuery(20),
};

export const WebhookEndpointsQuerySchema = z.object(pageQuery);
export const WebhookEndpointsPageSchema = z
  .object({ items: z.array(WebhookEndpointSchema), next_cursor: z.string().nullable() })
  .openapi('WebhookEndpointsPage', { description: 'Newest first' });

export const WebhookDeliveryStatusSchema = z
  .enum(['pending', 'delivered', 'dead'])
  .openapi('WebhookDeliveryStatus', { description: 'pending: due (again) at next_attempt_at; dead: retries ran out' });

export const WebhookDeliveriesQuerySchema = z.object({
  status: WebhookDeliveryStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
  ...pageQuery,
});

export const WebhookDeliverySchema = z
  .object({
    id: z.uuid(),
    event_id: z.string(),
    event_type: WebhookEventTypeSchema,
    status: WebhookDeliveryStatusSchema,
    attempts: z.number().int().nonnegative().openapi({ description: 'Attempts since it was created or last redelivered' }),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: dateTime,
    delivered_at: dateTime.nullable(),
    created_at: dateTime,
  })
  .openapi('WebhookDelivery');

export const WebhookAttemptSchema = z
  .object({
    at: dateTime,
    status_code: z.number().int().nullable().openapi({ description: "The receiver's HTTP status; null when it gave none" }),
    error: z.string().nullable().openapi({ description: 'Why the attempt failed: timeout, connection error, address not allowed …' }),
    duration_ms: z.number().int().nonnegative(),
  })
  .openapi('WebhookAttempt');

export const WebhookDeliveryDetailSchema = WebhookDeliverySchema.extend({
  payload: z
    .object({ id: z.string(), type: WebhookEventTypeSchema, created: z.number().int(), data: z.record(z.string(), z.unknown()) })
    .openapi({ description: 'The event JSON exactly as posted to the endpoint' }),
  attempt_log: z.array(WebhookAttemptSchema).openapi({ description: 'Every attempt, oldest first, across redeliveries' }),
}).openapi('WebhookDeliveryDetail');

export const WebhookDeliveriesPageSchema = z
  .object({ items: z.array(WebhookDeliverySchema), next_cursor: z.string().nullable() })
  .openapi('WebhookDeliveriesPage', { description: 'Newest first' });

export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;
export type CreateWebhookEndpointBody = z.infer<typeof CreateWebhookEndpointBodySchema>;
export type UpdateWebhookEndpointBody = z.infer<typeof UpdateWebhookEndpointBodySchema>;
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetailSchema>;
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatusSchema>;
