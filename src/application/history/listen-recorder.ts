// Records captured listens in one transaction: the raw events in the ledger, then their
// interpretation (plays of internal tracks, same-listen matching across captures, daily roll-ups).
// Only events new to the ledger are interpreted, so repeating an import never recounts anything.
import type { Clock } from '../ports/clock.port.js';
import type {
  HeldPlay,
  ListenRecordingStore,
  PlayDraft,
  TimeSpan,
} from '../ports/listen-recording-store.port.js';
import {
  type ProvisionalTrackStore,
  type UpstreamTrack,
  upstreamKey,
} from '../ports/provisional-track-store.port.js';
import type { UnitOfWork } from '../ports/unit-of-work.port.js';
import { dailyListenDeltas } from '../../domain/history/daily-listen-deltas.js';
import { captureOf, listenIdentity, type ListenCapture } from '../../domain/history/listen-identity.js';
import type { RawListeningEvent } from '../../domain/history/listening-event.js';
import {
  type CapturedListen,
  type HeldListen,
  matchHeldListens,
  MAX_WINDOW_MS,
} from '../../domain/history/same-listen.js';
import type { TrackId } from '../../domain/track/track.js';

export interface ListenToRecord {
  readonly event: RawListeningEvent;
  /** The upstream's record of the track, for finding or creating the internal track. */
  readonly track: UpstreamTrack;
  /** listenIdentity(artist, title) as the upstream named them. */
  readonly identity: string;
}

export interface RecordOutcome {
  /** Events new to the ledger. */
  readonly inserted: number;
  /** Events the ledger already held. */
  readonly existing: number;
  /** New events that are a listen Narada already had from another capture (counted once). */
  readonly sameAsHeld: number;
}

/** Listens appended to the ledger and not yet interpreted: those new to it, with their event ids. */
export interface AppendedListens {
  readonly fresh: ReadonlyArray<{ readonly listen: ListenToRecord; readonly eventId: number }>;
  /** Listens the ledger already held. */
  readonly existing: number;
}

export interface ListenRecorderDeps {
  readonly store: ListenRecordingStore;
  readonly tracks: ProvisionalTrackStore;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
}

/** Upstream records → internal tracks already looked up; bounded, since a history cycles through its tracks. */
const KNOWN_TRACKS_LIMIT = 200_000;

export class ListenRecorder {
  constructor(
    private readonly deps: ListenRecorderDeps,
    /** Tracks already looked up, for one import; none by default, so nothing stale outlives it. */
    private readonly knownTracks: Map<string, TrackId> | null = null,
  ) {}

  /**
   * A recorder for one import that remembers the tracks it has looked up, saving a query per batch.
   * Use it for that import only: a merge made meanwhile elsewhere would not be seen by it.
   */
  remembering(): ListenRecorder {
    return new ListenRecorder(this.deps, new Map());
  }

  /**
   * Forgets the tracks looked up so far. Call it when an enclosing transaction rolls back: tracks
   * created inside it are gone, and their ids must not be used again.
   */
  forgetTracks(): void {
    this.knownTracks?.clear();
  }

  /** How many listens one `record` or `recordInUnit` call should carry (the store's best batch). */
  get listensPerWrite(): number {
    return this.deps.store.listensPerWrite;
  }

  /** Records the listens in one transaction of their own. */
  record(listens: readonly ListenToRecord[]): Promise<RecordOutcome> {
    return this.deps.unitOfWork
      .transaction(() => this.recordInUnit(listens))
      .catch((error: unknown) => {
        this.forgetTracks();
        throw error;
      });
  }

  /**
   * Records the listens as part of the caller's open unit of work, which makes them atomic with
   * whatever else it holds (an import run's cursor). Large imports use this: no nested transaction.
   */
  async recordInUnit(listens: readonly ListenToRecord[]): Promise<RecordOutcome> {
    return this.interpretInUnit(await this.appendInUnit(listens));
  }

  /**
   * The first half of `recordInUnit`: the raw events into the ledger. An import that keeps two
   * transactions going appends one batch while the batch before is interpreted, then interprets it
   * (`interpretInUnit`, in the same transaction) once that one has committed.
   */
  async appendInUnit(listens: readonly ListenToRecord[]): Promise<AppendedListens> {
    // A failed write rolls back the transaction, with any track an earlier batch of it created.
    const ids = await this.deps.store.appendEvents(listens.map((l) => l.event)).catch((error: unknown) => {
      this.forgetTracks();
      throw error;
    });
    const fresh: Array<{ listen: ListenToRecord; eventId: number }> = [];
    ids.forEach((eventId, i) => {
      if (eventId !== null) fresh.push({ listen: listens[i]!, eventId });
    });
    return { fresh, existing: listens.length - fresh.length };
  }

  /**
   * The second half: plays, same-listen matching and roll-ups for the events new to the ledger. It
   * reads the plays already stored, so every earlier batch must be committed or in this transaction.
   */
  interpretInUnit(appended: AppendedListens): Promise<RecordOutcome> {
    const { fresh, existing } = appended;
    const interpreted = fresh.length === 0 ? Promise.resolve(0) : this.interpret(fresh);
    return interpreted.then(
      (sameAsHeld) => ({ inserted: fresh.length, existing, sameAsHeld }),
      (error: unknown) => {
        this.forgetTracks();
        throw error;
      },
    );
  }

  private async interpret(fresh: AppendedListens['fresh']): Promise<number> {
    const { store } = this.deps;
    // Each record's key is made once: a batch is mostly tracks looked up before.
    const keys = fresh.map(({ listen: { track } }) => upstreamKey(track.service, track.externalId));
    const trackIds = await this.trackIds(fresh, keys);
    const captured: CapturedListen[] = fresh.map(({ listen: { event, identity } }, i) => ({
      user: event.user,
      trackId: trackIds.get(keys[i]!)!,
      identity,
      capture: captureOf(event.source, event.trackKey),
      playedAt: event.playedAt,
      msPlayed: event.msPlayed,
    }));
    const held = await this.heldAround(captured);
    const matches = matchHeldListens(captured, held);
    const drafts: PlayDraft[] = captured.map((c, i) => ({
      eventId: fresh[i]!.eventId,
      user: c.user,
      trackId: c.trackId,
      playedAt: c.playedAt,
      msPlayed: c.msPlayed,
      duplicateOf: matches.get(i)?.playId ?? null,
    }));
    const deltas = dailyListenDeltas(captured.map((c, i) => ({ ...c, sameAs: matches.get(i) ?? null })));
    // Both asked for at once: on PostgreSQL the second is sent the moment the first is done, not when
    // this process next gets to it (the transaction's statements still run one after the other).
    await Promise.all([store.insertPlays(drafts), store.addDailyListens(deltas)]);
    return matches.size;
  }

  /** The track of each distinct record (the first listen of a key names its record), keyed by upstreamKey. */
  private async trackIds(
    fresh: AppendedListens['fresh'],
    keys: readonly string[],
  ): Promise<ReadonlyMap<string, TrackId>> {
    const ids = new Map<string, TrackId>();
    const unknown = new Map<string, UpstreamTrack>();
    fresh.forEach(({ listen }, i) => {
      const key = keys[i]!;
      if (ids.has(key) || unknown.has(key)) return;
      const id = this.knownTracks?.get(key);
      if (id === undefined) unknown.set(key, listen.track);
      else ids.set(key, id);
    });
    if (unknown.size > 0) {
      const found = await this.deps.tracks.tracksFor([...unknown.values()], this.deps.clock.now());
      if (this.knownTracks !== null && this.knownTracks.size + found.size > KNOWN_TRACKS_LIMIT) {
        this.knownTracks.clear();
      }
      for (const [key, id] of found) {
        ids.set(key, id);
        this.knownTracks?.set(key, id);
      }
    }
    return ids;
  }

  /** The held listens near the new ones, each with the captures already folded into it. */
  private async heldAround(captured: readonly CapturedListen[]): Promise<HeldListen[]> {
    const held: HeldListen[] = [];
    const identities = new Map<TrackId, string>();
    for (const [user, times] of startTimesByUser(captured)) {
      // Twice the window: a held listen's duplicates lie up to one window beyond it.
      const rows = await this.deps.store.playsWithin(user, mergedSpans(times, 2 * MAX_WINDOW_MS));
      const folded = new Map<number, { captures: Set<ListenCapture>; knownMs: number | null }>();
      for (const row of rows) {
        const id = row.duplicateOf ?? row.playId;
        const entry = folded.get(id) ?? { captures: new Set<ListenCapture>(), knownMs: null };
        entry.captures.add(captureOf(row.source, row.trackKey));
        if (row.msPlayed !== null) entry.knownMs = Math.max(entry.knownMs ?? 0, row.msPlayed);
        folded.set(id, entry);
      }
      for (const row of rows) {
        if (row.duplicateOf !== null) continue;
        const { captures, knownMs } = folded.get(row.playId)!;
        held.push({ ...heldBase(row, identities), captures, knownMs });
      }
    }
    return held;
  }
}

function heldBase(row: HeldPlay, identities: Map<TrackId, string>): CapturedListen & { playId: number } {
  let identity = identities.get(row.trackId);
  if (identity === undefined) {
    identity = listenIdentity(row.primaryArtist, row.title);
    identities.set(row.trackId, identity);
  }
  return {
    playId: row.playId,
    user: row.user,
    trackId: row.trackId,
    identity,
    capture: captureOf(row.source, row.trackKey),
    playedAt: row.playedAt,
    msPlayed: row.msPlayed,
  };
}

function startTimesByUser(captured: readonly CapturedListen[]): Map<string, number[]> {
  const byUser = new Map<string, number[]>();
  for (const c of captured) {
    const times = byUser.get(c.user);
    if (times === undefined) byUser.set(c.user, [c.playedAt]);
    else times.push(c.playedAt);
  }
  return byUser;
}

/** Spans of ±`reach` around each time, overlapping ones merged, so each stretch is read once. */
export function mergedSpans(times: readonly number[], reach: number): TimeSpan[] {
  const sorted = [...times].sort((a, b) => a - b);
  const spans: Array<{ from: number; to: number }> = [];
  for (const t of sorted) {
    const last = spans[spans.length - 1];
    if (last !== undefined && t - reach <= last.to) last.to = t + reach;
    else spans.push({ from: t - reach, to: t + reach });
  }
  return spans;
}
