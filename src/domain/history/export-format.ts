// The formats the listening history is exported in: Narada's JSON lines, CSV, and ListenBrainz's
// listen format (JSON lines its importer reads).
export const EXPORT_FORMATS = ['jsonl', 'csv', 'listenbrainz'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
