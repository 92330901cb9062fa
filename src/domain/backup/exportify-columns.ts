// The columns of an Exportify CSV (github.com/watsonbox/exportify), in its order: Narada writes them
// so the many tools that read Exportify files read Narada's, and `playlist restore` reads them back.
export const EXPORTIFY_COLUMNS = [
  'Track URI',
  'Track Name',
  'Artist URI(s)',
  'Artist Name(s)',
  'Album URI',
  'Album Name',
  'Album Artist URI(s)',
  'Album Artist Name(s)',
  'Album Release Date',
  'Album Image URL',
  'Disc Number',
  'Track Number',
  'Track Duration (ms)',
  'Track Preview URL',
  'Explicit',
  'Popularity',
  'ISRC',
  'Added By',
  'Added At',
] as const;

export type ExportifyColumn = (typeof EXPORTIFY_COLUMNS)[number];

/**
 * Exportify joins several artists with ", " and writes a comma inside a name as "\,", so a reader
 * can tell "Crosby, Stills & Nash" from two artists.
 */
export function joinExportifyNames(names: readonly string[]): string {
  return names.map((name) => name.replace(/,/g, '\\,')).join(', ');
}

export function splitExportifyNames(cell: string): string[] {
  if (cell.trim() === '') return [];
  return cell
    .split(/(?<!\\), /)
    .map((name) => name.replace(/\\,/g, ',').trim())
    .filter((name) => name !== '');
}
