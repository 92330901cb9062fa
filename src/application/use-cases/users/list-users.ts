// `narada users list`: the users of `narada serve`, with how many listens each has submitted (no tokens).
import type { ServerUserStore, ServerUserSummary } from '../../ports/server-user-store.port.js';

export class ListUsers {
  constructor(private readonly store: ServerUserStore) {}

  run(): Promise<ServerUserSummary[]> {
    return this.store.list();
  }
}
