// Plain-text view of `narada auth status`: one line per service, with the account Narada acts as.
export interface AccountStatus {
  readonly service: string;
  readonly connected: boolean;
  readonly account: string | null;
  readonly detail: string | null;
}

export function renderAccounts(accounts: readonly AccountStatus[]): string[] {
  return accounts.map(
    (a) =>
      `${a.service.padEnd(12)} ${a.connected ? 'connected' : 'not connected'}${a.account ? ` as ${a.account}` : ''}${a.detail ? ` — ${a.detail}` : ''}`,
  );
}
