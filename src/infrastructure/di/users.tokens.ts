// The server's users' tokens (`narada users add | list | remove`); type-only imports.
import type { AddUser } from '../../application/use-cases/users/add-user.js';
import type { ListUsers } from '../../application/use-cases/users/list-users.js';
import type { RemoveUser } from '../../application/use-cases/users/remove-user.js';
import { token } from './tokens.js';

export const USERS = {
  Add: token<AddUser>('users.Add'),
  List: token<ListUsers>('users.List'),
  Remove: token<RemoveUser>('users.Remove'),
} as const;
