import { z } from 'zod';

// The part of the Postman collection format (v2.1) the generator reads and rewrites; every
// other field the converter writes passes through untouched.
const ScriptEventSchema = z.object({
  listen: z.enum(['prerequest', 'test']),
  script: z.object({ type: z.literal('text/javascript'), exec: z.array(z.string()) }),
});
const KeyValueSchema = z.looseObject({ key: z.string(), value: z.string().optional(), disabled: z.boolean().optional() });
const AuthSchema = z.looseObject({ type: z.string() });

const RequestSchema = z.looseObject({
  method: z.string(),
  header: z.array(KeyValueSchema).default([]),
  url: z.looseObject({
    host: z.array(z.string()),
    path: z.array(z.string()),
    query: z.array(KeyValueSchema).default([]),
    variable: z.array(KeyValueSchema).default([]),
  }),
  body: z.looseObject({ mode: z.string().optional(), raw: z.string().optional() }).optional(),
  auth: AuthSchema.nullable().optional(),
});
export type PostmanRequest = z.infer<typeof RequestSchema>;

export type PostmanItem = {
  name: string;
  description?: unknown;
  item?: PostmanItem[];
  request?: PostmanRequest;
  response?: unknown[];
  event?: ScriptEvent[];
};
const ItemSchema: z.ZodType<PostmanItem> = z.lazy(() =>
  z.looseObject({
    name: z.string(),
    item: z.array(ItemSchema).optional(),
    request: RequestSchema.optional(),
    response: z.array(z.unknown()).optional(),
    event: z.array(ScriptEventSchema).optional(),
  }),
);

export const CollectionSchema = z.looseObject({
  info: z.looseObject({ name: z.string(), schema: z.string() }),
  item: z.array(ItemSchema),
  event: z.array(ScriptEventSchema).default([]),
  variable: z.array(KeyValueSchema).default([]),
  auth: AuthSchema.optional(),
});
export type PostmanCollection = z.infer<typeof CollectionSchema>;
export type ScriptEvent = z.infer<typeof ScriptEventSchema>;

export const script = (listen: ScriptEvent['listen'], exec: string[]): ScriptEvent => ({ listen, script: { type: 'text/javascript', exec } });
