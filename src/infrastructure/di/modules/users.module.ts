// The server's users: adding one (with a new random token), listing and removing them.
import { TOKENS } from '../tokens.js';
import { USERS } from '../users.tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindUsers: FeatureModule = (wiring) => {
  wiring.bind(USERS.Add, async (get) => {
    const { AddUser } = await import('../../../application/use-cases/users/add-user.js');
    const { randomUUID } = await import('node:crypto');
    return new AddUser({
      store: (await get(TOKENS.Repositories)).serverUsers,
      clock: await get(TOKENS.Clock),
      newToken: () => randomUUID(),
    });
  });
  wiring.bind(USERS.List, async (get) => {
    const { ListUsers } = await import('../../../application/use-cases/users/list-users.js');
    return new ListUsers((await get(TOKENS.Repositories)).serverUsers);
  });
  wiring.bind(USERS.Remove, async (get) => {
    const { RemoveUser } = await import('../../../application/use-cases/users/remove-user.js');
    return new RemoveUser((await get(TOKENS.Repositories)).serverUsers);
  });
};
