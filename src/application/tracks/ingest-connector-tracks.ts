// Turns service records into internal tracks, in bulk: stores the records, then each one gets the track
// it is already mapped to, else the track sharing its ISRC or MBID, else a new provisional track. A mapped
// record stored unchanged is not rewritten, so re-reading a known playlist costs reads, not writes.
import type { Clock } from '../ports/clock.port.js';
import type { IngestResult } from '../ports/track-ingest.port.js';
import type { ConnectorTrackRepository } from '../ports/connector-track-repository.port.js';
import type { IdentityLookup } from '../ports/identity-lookup.port.js';
import type { StoredRecordCheck } from '../ports/stored-record-check.port.js';
import type { TrackMappingRepository } from '../ports/track-mapping-repository.port.js';
import type { TrackRepository } from '../ports/track-repository.port.js';
import type { UnitOfWork } from '../ports/unit-of-work.port.js';
import type { ServiceName } from '../../domain/shared/service.js';
import { connectorKey, type ConnectorTrack } from '../../domain/track/connector-track.js';
import { trackMapping, type MatchMethod, type TrackMapping } from '../../domain/track/track-mapping.js';
import { Track, type TrackDraft, type TrackId } from '../../domain/track/track.js';
import { Mbid } from '../../domain/values/mbid.js';
import type { EpochMs } from '../../domain/values/time.js';
import { survivorsOf } from './follow-merges.js';
import { pickAcceptedMapping } from './mapping-choice.js';
import { RepositoryIdentityLookup } from './repository-identity-lookup.js';

export interface IngestConnectorTracksDeps {
  readonly tracks: TrackRepository;
  readonly connectorTracks: ConnectorTrackRepository;
  readonly mappings: TrackMappingRepository;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  /** Bulk look-ups; without it, the repositories are asked one key at a time. */
  readonly lookup?: IdentityLookup;
  /** Spares known, unchanged records a rewrite; without it, every record is stored. */
  readonly storedRecords?: StoredRecordCheck;
}

/** A track made from one service's record is only that service's word for it. */
export const PROVISIONAL_CONFIDENCE = 50;
/** A shared ISRC or recording MBID: as sure as the scorer's key match, short of a Spotify id. */
export const KEY_LINK_CONFIDENCE = 98;

const CREATING_METHOD: Readonly<Record<ServiceName, MatchMethod>> = {
  spotify: 'spotify_id',
  musicbrainz: 'mbid',
  lastfm: 'artist_title',
  listenbrainz: 'artist_title',
  // A file's tags are its only word on the recording, like Last.fm's artist and title.
  local: 'artist_title',
};

type Placement =
  | { readonly kind: 'existing'; readonly track: Track; readonly via: 'isrc' | 'mbid'; readonly key: string }
  | {
      readonly kind: 'draft';
      readonly draft: number;
      readonly via: 'created' | 'isrc' | 'mbid';
      readonly key: string;
    };

export class IngestConnectorTracks {
  private readonly lookup: IdentityLookup;
  private readonly stored: StoredRecordCheck | null;

  constructor(private readonly deps: IngestConnectorTracksDeps) {
    this.lookup = deps.lookup ?? new RepositoryIdentityLookup(deps.tracks, deps.mappings);
    this.stored = deps.storedRecords ?? null;
  }

  async run(records: readonly ConnectorTrack[]): Promise<IngestResult> {
    const unique = new Map<string, ConnectorTrack>();
    for (const record of records) unique.set(connectorKey(record.service, record.externalId), record);
    if (unique.size === 0) return { tracks: new Map(), created: 0, linked: 0 };
    const at = this.deps.clock.now();
    return this.deps.unitOfWork.transaction(() => this.ingest(unique, at));
  }

  private async ingest(records: Map<string, ConnectorTrack>, at: EpochMs): Promise<IngestResult> {
    const result = new Map<string, Track>();
    const mapped = await this.alreadyMapped(records);
    for (const [key, track] of mapped) result.set(key, track);
    await this.storeRecords(records, mapped);

    const pending = [...records].filter(([key]) => !result.has(key));
    const byIsrc = await this.survivingByKey(
      await this.lookup.tracksByIsrc(unique(pending.map(([, r]) => r.isrc?.value ?? null))),
      (track) => track.isrc?.value ?? null,
    );
    const byMbid = await this.survivingByKey(
      await this.lookup.tracksByMbid(unique(pending.map(([, r]) => recordMbid(r)))),
      (track) => track.mbid?.value ?? null,
    );

    const drafts: TrackDraft[] = [];
    const draftByIsrc = new Map<string, number>();
    const draftByMbid = new Map<string, number>();
    const placements = new Map<string, Placement>();
    for (const [key, record] of pending) {
      const isrc = record.isrc?.value ?? null;
      const mbid = recordMbid(record);
      const existing = (isrc !== null && byIsrc.get(isrc)) || (mbid !== null && byMbid.get(mbid)) || null;
      if (existing !== null) {
        const via = isrc !== null && byIsrc.has(isrc) ? 'isrc' : 'mbid';
        placements.set(key, { kind: 'existing', track: existing, via, key: via === 'isrc' ? isrc! : mbid! });
        continue;
      }
      const sibling =
        (isrc !== null ? draftByIsrc.get(isrc) : undefined) ??
        (mbid !== null ? draftByMbid.get(mbid) : undefined);
      if (sibling !== undefined) {
        const via = isrc !== null && draftByIsrc.get(isrc) === sibling ? 'isrc' : 'mbid';
        placements.set(key, { kind: 'draft', draft: sibling, via, key: via === 'isrc' ? isrc! : mbid! });
        continue;
      }
      const draft = drafts.push(draftOf(record, mbid)) - 1;
      if (isrc !== null) draftByIsrc.set(isrc, draft);
      if (mbid !== null) draftByMbid.set(mbid, draft);
      placements.set(key, { kind: 'draft', draft, via: 'created', key: record.externalId });
    }

    const ids = drafts.length === 0 ? [] : await this.deps.tracks.insertMany(drafts, at);
    const created = drafts.map((draft, index) => storedTrack(draft, ids[index]!, at));
    const links: TrackMapping[] = [];
    let linked = 0;
    for (const [key, placement] of placements) {
      const record = records.get(key)!;
      const track = placement.kind === 'existing' ? placement.track : created[placement.draft]!;
      result.set(key, track);
      const via = placement.via;
      if (via !== 'created') linked += 1;
      links.push(
        via === 'created'
          ? creatingLink(record, track.id, at)
          : keyLink(record, track.id, via, placement.key, at),
      );
    }
    await this.lookup.upsertMappings(links);
    return { tracks: result, created: drafts.length, linked };
  }

  /** Stores every record, but a mapped one already stored unchanged only has its fetch time moved. */
  private async storeRecords(
    records: ReadonlyMap<string, ConnectorTrack>,
    mapped: ReadonlyMap<string, Track>,
  ): Promise<void> {
    const known = [...records].flatMap(([key, record]) => (mapped.has(key) ? [record] : []));
    const unchanged =
      this.stored === null || known.length === 0
        ? new Set<ConnectorTrack>()
        : await this.stored.refreshUnchanged(known);
    const changed = [...records.values()].filter((record) => !unchanged.has(record));
    if (changed.length > 0) await this.deps.connectorTracks.upsertMany(changed);
  }

  /** Records with an accepted mapping, to the track that now stands for it. */
  private async alreadyMapped(records: Map<string, ConnectorTrack>): Promise<Map<string, Track>> {
    const refs = [...records.values()].map((r) => ({ service: r.service, externalId: r.externalId }));
    const byKey = new Map<string, TrackMapping[]>();
    for (const mapping of await this.lookup.acceptedMappings(refs)) {
      const key = connectorKey(mapping.service, mapping.externalId);
      byKey.set(key, [...(byKey.get(key) ?? []), mapping]);
    }
    const chosen = new Map<string, TrackId>();
    for (const [key, mappings] of byKey) {
      const mapping = pickAcceptedMapping(mappings);
      if (mapping !== null) chosen.set(key, mapping.trackId);
    }
    const found = await this.deps.tracks.findByIds([...new Set(chosen.values())]);
    const survivors = await survivorsOf(this.deps.tracks, found);
    const result = new Map<string, Track>();
    for (const [key, trackId] of chosen) {
      const survivor = survivors.get(trackId);
      if (survivor !== undefined) result.set(key, survivor);
    }
    return result;
  }

  /** The oldest surviving track for each key value (several tracks may share an ISRC until merged). */
  private async survivingByKey(
    tracks: readonly Track[],
    keyOf: (track: Track) => string | null,
  ): Promise<Map<string, Track>> {
    const survivors = await survivorsOf(this.deps.tracks, tracks);
    const result = new Map<string, Track>();
    for (const track of tracks) {
      const key = keyOf(track);
      const survivor = survivors.get(track.id);
      if (key === null || survivor === undefined) continue;
      const known = result.get(key);
      if (known === undefined || survivor.id < known.id) result.set(key, survivor);
    }
    return result;
  }
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

/**
 * A MusicBrainz record's key is its recording MBID. Other services' MBIDs (Last.fm's `mbid`) may name a
 * MusicBrainz *track*, but MBIDs are unique across kinds, so one equal to a stored recording MBID is that recording.
 */
function recordMbid(record: ConnectorTrack): string | null {
  if (record.service === 'musicbrainz') return Mbid.tryParse(record.externalId)?.value ?? null;
  const given = record.attributes['mbid'];
  return typeof given === 'string' ? (Mbid.tryParse(given)?.value ?? null) : null;
}

function draftOf(record: ConnectorTrack, mbid: string | null): TrackDraft {
  return {
    title: record.title,
    artists: record.artists,
    album: record.album,
    durationMs: record.durationMs,
    releaseDate: record.releaseDate,
    isrc: record.isrc,
    // Only a MusicBrainz record's own id is known to be a recording id.
    mbid: record.service === 'musicbrainz' && mbid !== null ? Mbid.parse(mbid) : null,
    confidence: PROVISIONAL_CONFIDENCE,
    source: record.service,
  };
}

function storedTrack(draft: TrackDraft, id: TrackId, at: EpochMs): Track {
  return new Track({
    ...draft,
    id,
    status: draft.status ?? 'provisional',
    mergedInto: null,
    createdAt: at,
    updatedAt: at,
  });
}

function creatingLink(record: ConnectorTrack, trackId: TrackId, at: EpochMs): TrackMapping {
  return trackMapping({
    trackId,
    service: record.service,
    externalId: record.externalId,
    confidence: 100,
    method: CREATING_METHOD[record.service],
    status: 'accepted',
    evidence: { factors: [], notes: [`track created from this ${record.service} record`] },
    pinned: false,
    createdAt: at,
    updatedAt: at,
  });
}

function keyLink(
  record: ConnectorTrack,
  trackId: TrackId,
  via: 'isrc' | 'mbid',
  value: string,
  at: EpochMs,
): TrackMapping {
  const label = via === 'isrc' ? 'ISRC' : 'MBID';
  return trackMapping({
    trackId,
    service: record.service,
    externalId: record.externalId,
    confidence: KEY_LINK_CONFIDENCE,
    method: via,
    status: 'accepted',
    evidence: {
      factors: [{ name: via, score: 1, penalty: 0, detail: `both ${value}` }],
      notes: [`same ${label} ${value} as track ${trackId}`],
    },
    pinned: false,
    createdAt: at,
    updatedAt: at,
  });
}
