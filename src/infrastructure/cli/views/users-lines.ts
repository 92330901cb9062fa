// Plain-text views of `narada users …`: a new user's token (shown this once), the users, a removal.
import type { ServerUserSummary } from '../../../application/ports/server-user-store.port.js';
import type { AddedUser } from '../../../application/use-cases/users/add-user.js';

export function renderAddedUser(user: AddedUser): string[] {
  return [
    user.rotated
      ? `New listen-submission token for "${user.name}" (the old one no longer works).`
      : `Added user "${user.name}". Their listen-submission token:`,
    '',
    `  ${user.token}`,
    '',
    'It is shown only now: Narada keeps only its hash. In the player, set the ListenBrainz URL to this',
    'server (narada serve) and paste the token as the user token (docs/INTAKE.md).',
  ];
}

export function renderUsers(users: readonly ServerUserSummary[]): string[] {
  if (users.length === 0) return ['No users yet: run "narada users add NAME".'];
  return users.map((user) => {
    const last = user.lastListenAt === null ? 'none yet' : new Date(user.lastListenAt).toISOString();
    return `${user.name.padEnd(24)} ${String(user.listens).padStart(8)} listens  latest: ${last}  token issued ${new Date(user.tokenIssuedAt).toISOString()}`;
  });
}

export function renderRemovedUser(removed: { readonly name: string }): string[] {
  return [`Removed user "${removed.name}": their token no longer works (their listens are kept).`];
}
