// Where playlist backups are kept: a folder of JSON files written so that a crash never leaves a
// half-written backup in place of a good one, with the earlier versions of each kept beside it.

export interface BackupStore {
  /** Writes `content` to `fileName` in `dir` (created if needed) atomically; returns the file's path. */
  write(dir: string, fileName: string, content: string): Promise<string>;
  /** Names of the files in `dir`; [] when the folder does not exist yet. */
  list(dir: string): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /**
   * Keeps a copy of the backup file at `path` as `version` of its playlist, next to its other kept
   * versions, before a newer version replaces the file; returns the copy's path.
   */
  keepVersion(path: string, version: number): Promise<string>;
}
