// `narada users remove NAME`: the user's token stops working at once; their listens stay in the ledger.
import type { ServerUserStore } from '../../ports/server-user-store.port.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';

export class RemoveUser {
  constructor(private readonly store: ServerUserStore) {}

  async run(name: string): Promise<{ readonly name: string; readonly removed: true }> {
    if (await this.store.remove(name)) return { name, removed: true };
    throw new InvalidInputError(
      'USERS.UNKNOWN',
      `No user is named "${name}". Run "narada users list" to see the users.`,
      { details: { name } },
    );
  }
}
