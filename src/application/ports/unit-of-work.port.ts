// Groups repository calls into one all-or-nothing unit: every write inside `work` commits together,
// or none does when `work` throws. Units may nest; an inner failure undoes only the inner unit.

export interface UnitOfWork {
  transaction<T>(work: () => Promise<T>): Promise<T>;
}
