import type { Role } from '../../openapi/schemas/auth.ts';

// An admin may give any user any role except take the admin role from themselves: the one making
// the change stays an admin, so a shop never ends up without one.
export function isSelfDemotion(change: { actorId: string; userId: string; to: Role }): boolean {
  return change.actorId === change.userId && change.to !== 'admin';
}
