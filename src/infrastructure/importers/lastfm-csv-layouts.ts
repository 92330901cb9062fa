// The layouts of Last.fm CSV exports, told apart by their first row: lastfm-to-csv
// (`artist,album,track,date`, no header), lastfm-backup (`date,time,artist,track`, no header), and
// exports with a header row naming their columns (lastfm.ghan.nl: `uts,utc_time,artist,…`).

export interface CsvLayout {
  /** `lastfm-to-csv (artist,album,track,date)`. */
  readonly name: string;
  /** The first row is a header, not a listen. */
  readonly header: boolean;
  /** The listen of one row, or why the row cannot be one. */
  read(cells: readonly string[]): CsvListen | { readonly error: string };
}

export interface CsvListen {
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly playedAt: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** `22 Mar 2021 16:55` (lastfm-to-csv), `17 May 2026, 12:54` (lastfm.ghan.nl's utc_time). */
const DAY_MONTH_YEAR = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** `2021-04-01 10:42:53`, `2021-04-01T10:42:53Z` and the like. */
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^\d{1,2}:\d{2}(:\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Last.fm opened in 2002; nothing is scrobbled after 2099. */
const EARLIEST = Date.UTC(2002, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** A CSV time in UTC as epoch ms, or null: unix seconds (or ms), ISO-like, or `DD Mon YYYY HH:MM`. */
export function parseCsvTime(text: string): number | null {
  const value = text.trim();
  let at: number | null = null;
  if (/^\d{9,13}$/.test(value)) {
    const n = Number(value);
    at = value.length >= 12 ? n : n * 1000;
  } else {
    const dmy = DAY_MONTH_YEAR.exec(value);
    const iso = dmy === null ? ISO_LIKE.exec(value) : null;
    if (dmy !== null) {
      const month = MONTHS.indexOf(dmy[2]!.toLowerCase());
      if (month >= 0) at = utc(+dmy[3]!, month, +dmy[1]!, +dmy[4]!, +dmy[5]!, +(dmy[6] ?? 0));
    } else if (iso !== null) {
      const [, y, mo, d, h, mi, s, zone] = iso;
      at = utc(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0));
      if (at !== null && zone !== undefined && zone !== 'Z') at = Date.parse(value.replace(' ', 'T'));
    }
  }
  return at !== null && Number.isFinite(at) && at >= EARLIEST && at < LATEST ? at : null;
}

/** Date.UTC that refuses a day the calendar lacks (`2021-02-30`). */
function utc(y: number, month: number, d: number, h: number, mi: number, s: number): number | null {
  const at = Date.UTC(y, month, d, h, mi, s);
  const back = new Date(at);
  if (back.getUTCMonth() !== month || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return at;
}

const ARTIST = ['artist', 'artist_name', 'artist name', 'artistname'];
const TITLE = ['track', 'title', 'track_name', 'track name', 'trackname', 'name', 'song'];
const ALBUM = ['album', 'album_name', 'album name', 'albumname', 'release_name'];
/** Time columns, most precise first: `uts` is unix seconds, `utc_time` only minutes. */
const TIMES = ['uts', 'timestamp', 'listened_at', 'played_at', 'utc_time', 'date', 'time', 'datetime'];

/** The layout of a CSV whose first row is `first`, or null when it is none of them. */
export function recogniseCsvLayout(first: readonly string[]): CsvLayout | null {
  const cells = first.map((c) => c.trim());
  const named = headerLayout(cells);
  if (named !== null) return named;
  if (cells.length === 4 && DAY_MONTH_YEAR.test(cells[3]!) && parseCsvTime(cells[3]!) !== null) {
    return {
      name: 'lastfm-to-csv (artist,album,track,date)',
      header: false,
      read: (row) => fields(row, 4, row[0], row[2], row[1], row[3]),
    };
  }
  if (cells.length === 4 && DATE.test(cells[0]!) && TIME.test(cells[1]!)) {
    return {
      name: 'lastfm-backup (date,time,artist,track)',
      header: false,
      read: (row) => fields(row, 4, row[2], row[3], null, `${row[0]?.trim()} ${row[1]?.trim()}`),
    };
  }
  return null;
}

function headerLayout(cells: readonly string[]): CsvLayout | null {
  const lower = cells.map((c) => c.toLowerCase());
  const find = (names: readonly string[]) => {
    for (const name of names) {
      const i = lower.indexOf(name);
      if (i >= 0) return i;
    }
    return -1;
  };
  const artist = find(ARTIST);
  const title = find(TITLE);
  const time = find(TIMES);
  if (artist < 0 || title < 0 || time < 0) return null;
  const album = find(ALBUM);
  const width = Math.max(artist, title, time, album) + 1;
  return {
    name: `CSV with a header (${cells.join(',')})`,
    header: true,
    read: (row) => fields(row, width, row[artist], row[title], album < 0 ? null : row[album], row[time]),
  };
}

function fields(
  row: readonly string[],
  width: number,
  artist: string | undefined,
  title: string | undefined,
  album: string | null | undefined,
  time: string | undefined,
): CsvListen | { error: string } {
  if (row.length < width) return { error: `${row.length} column(s) where the layout has ${width}` };
  const a = artist?.trim() ?? '';
  const t = title?.trim() ?? '';
  if (a === '' || t === '') return { error: `no ${a === '' ? 'artist' : 'track title'}` };
  const playedAt = parseCsvTime(time ?? '');
  if (playedAt === null) return { error: `"${time ?? ''}" is not a time between 2002 and 2099` };
  const alb = album?.trim() ?? '';
  return { artist: a, title: t, album: alb === '' ? null : alb, playedAt };
}
