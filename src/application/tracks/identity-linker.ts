// The one way a service record becomes accepted as an internal track, shared by resolution, review and
// pins: another track holding the same record is the same recording, so the two are merged first; then
// the link is stored, the track promoted and its missing facts filled in from the record.
import type { TrackMergeRecord } from '../ports/identity-merge-store.port.js';
import { NaradaError } from '../../domain/shared/errors.js';
import type { ServiceName } from '../../domain/shared/service.js';
import type { ConnectorTrack } from '../../domain/track/connector-track.js';
import { trackMapping, type MatchEvidence, type MatchMethod } from '../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../domain/track/track.js';
import { Mbid } from '../../domain/values/mbid.js';
import type { EpochMs } from '../../domain/values/time.js';
import { survivorsOf } from './follow-merges.js';
import type { IdentityStores } from './identity-stores.js';
import { TrackMerger } from './track-merger.js';

export interface LinkRequest {
  readonly trackId: TrackId;
  readonly service: ServiceName;
  readonly externalId: string;
  readonly confidence: number;
  readonly method: MatchMethod;
  readonly evidence: MatchEvidence;
  readonly pinned: boolean;
  /** A person's decision: the track becomes canonical, and other candidates waiting in review are rejected. */
  readonly byUser: boolean;
  /** Pairs a person split: when linking would merge one of them, the link is refused instead. */
  readonly avoid?: ReadonlySet<string>;
}

export type LinkOutcome =
  | { readonly kind: 'linked'; readonly track: Track; readonly merges: readonly TrackMergeRecord[] }
  | { readonly kind: 'blocked'; readonly other: Track };

const DETERMINISTIC: readonly MatchMethod[] = ['spotify_id', 'isrc', 'mbid', 'manual'];

export function pairKey(a: TrackId, b: TrackId): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export class IdentityLinker {
  private readonly merger: TrackMerger;

  constructor(private readonly stores: IdentityStores) {
    this.merger = new TrackMerger(stores);
  }

  link(request: LinkRequest): Promise<LinkOutcome> {
    return this.stores.unitOfWork.transaction(() => this.linkInside(request));
  }

  private async linkInside(request: LinkRequest): Promise<LinkOutcome> {
    const { tracks, mappings, clock } = this.stores;
    let track = await this.current(request.trackId);
    const holders = (await mappings.find(request.service, request.externalId)).filter(
      (m) => m.status === 'accepted' && m.trackId !== track.id,
    );
    const others = [
      ...(await survivorsOf(tracks, await tracks.findByIds(holders.map((m) => m.trackId)))).values(),
    ];
    const merges: TrackMergeRecord[] = [];
    for (const other of others) {
      if (other.id === track.id) continue;
      if (request.avoid?.has(pairKey(other.id, track.id))) return { kind: 'blocked', other };
      const reason = `both are ${request.service} ${request.externalId}`;
      const merge = await this.merger.merge(track, other, reason);
      merges.push(merge);
      track = await this.current(merge.survivorId);
    }

    const at = clock.now();
    const known = await mappings.forTrack(track.id);
    const existing = known.find((m) => m.service === request.service && m.externalId === request.externalId);
    // A pin is never replaced by anything but another pin.
    if (existing?.pinned !== true || request.pinned) {
      await mappings.upsert(
        trackMapping({
          trackId: track.id,
          service: request.service,
          externalId: request.externalId,
          confidence: request.confidence,
          method: request.method,
          status: 'accepted',
          evidence: request.evidence,
          pinned: request.pinned,
          createdAt: existing?.createdAt ?? at,
          updatedAt: at,
        }),
      );
    }
    const displaced = known.filter(
      (m) =>
        m.service === request.service &&
        m.externalId !== request.externalId &&
        !m.pinned &&
        // The user chose among candidates; a pinned recording is the track's one recording.
        ((request.byUser && m.status === 'review') ||
          (request.pinned && request.service === 'musicbrainz' && m.status === 'accepted')),
    );
    for (const mapping of displaced) await mappings.upsert({ ...mapping, status: 'rejected', updatedAt: at });

    const record = await this.stores.connectorTracks.find(request.service, request.externalId);
    const updated = this.enriched(track, request, record, at);
    if (updated !== track) await tracks.update(updated);
    return { kind: 'linked', track: updated, merges };
  }

  /** The track standing for `id` now (its survivor when merged). */
  async current(id: TrackId): Promise<Track> {
    const found = await this.stores.tracks.findById(id);
    const survivor =
      found === null ? undefined : (await survivorsOf(this.stores.tracks, [found])).get(found.id);
    if (survivor === undefined) {
      throw new NaradaError(
        'IDENTITY.NO_SUCH_TRACK',
        `There is no track ${id}; find it with \`narada tracks show <query>\``,
        'input',
        {
          details: { trackId: id },
        },
      );
    }
    return survivor;
  }

  private enriched(track: Track, request: LinkRequest, record: ConnectorTrack | null, at: EpochMs): Track {
    const status = request.byUser || DETERMINISTIC.includes(request.method) ? 'canonical' : 'resolved';
    let next = track.promote(status, Math.max(track.confidence, request.confidence), at);
    const mbid = request.service === 'musicbrainz' ? Mbid.tryParse(request.externalId) : null;
    const changes = {
      ...(mbid !== null && (next.mbid === null || request.pinned) && !mbid.equals(next.mbid) ? { mbid } : {}),
      ...(next.isrc === null && record?.isrc ? { isrc: record.isrc } : {}),
      ...(next.releaseDate === null && record?.releaseDate ? { releaseDate: record.releaseDate } : {}),
      ...(next.durationMs === null && record?.durationMs != null ? { durationMs: record.durationMs } : {}),
      ...(next.album === null && record?.album ? { album: record.album } : {}),
    };
    if (Object.keys(changes).length > 0) next = next.with(changes, at);
    return next;
  }
}
