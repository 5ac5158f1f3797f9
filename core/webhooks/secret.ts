import { randomBytes } from 'node:crypto';

/** A new endpoint signing secret: `whsec_` and 32 random bytes, base64url (webhooks design). */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
