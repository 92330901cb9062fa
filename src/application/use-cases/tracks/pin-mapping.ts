// `narada tracks pin <track> <service> <id>`: a person's own match, which later runs never override.
// The record is fetched first when the service can be asked, so a typo is caught and the track learns
// the record's facts.
import type { MusicBrainzPort } from '../../ports/musicbrainz.port.js';
import { musicBrainzConnectorTrack } from '../../ports/musicbrainz.port.js';
import type { SpotifyPort } from '../../ports/spotify.port.js';
import { AuthRequiredError } from '../../ports/upstream-errors.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import type { TrackId } from '../../../domain/track/track.js';
import { Mbid } from '../../../domain/values/mbid.js';
import { IdentityLinker, type LinkOutcome } from '../../tracks/identity-linker.js';
import type { IdentityStores } from '../../tracks/identity-stores.js';

export interface PinMappingDeps extends IdentityStores {
  readonly musicbrainz?: MusicBrainzPort;
  readonly spotify?: SpotifyPort;
}

export class PinMapping {
  private readonly linker: IdentityLinker;

  constructor(private readonly deps: PinMappingDeps) {
    this.linker = new IdentityLinker(deps);
  }

  async run(trackId: TrackId, service: ServiceName, externalId: string): Promise<LinkOutcome> {
    await this.linker.current(trackId);
    const record = await this.recordFromService(service, externalId);
    if (record !== null) await this.deps.connectorTracks.upsertMany([record]);
    return this.linker.link({
      trackId,
      service,
      externalId,
      confidence: 100,
      method: 'manual',
      evidence: { factors: [], notes: ['pinned by the user'] },
      pinned: true,
      byUser: true,
    });
  }

  /** The service's record, null when the service cannot be asked; a record it does not have is an input error. */
  private async recordFromService(service: ServiceName, externalId: string): Promise<ConnectorTrack | null> {
    const at = this.deps.clock.now();
    let found: ConnectorTrack | null = null;
    if (service === 'musicbrainz' && this.deps.musicbrainz !== undefined) {
      const recording = await this.deps.musicbrainz.recording(Mbid.parse(externalId));
      found = recording === null ? null : musicBrainzConnectorTrack(recording, at);
    } else if (service === 'spotify' && this.deps.spotify !== undefined) {
      try {
        found = await this.deps.spotify.getTrack(externalId);
      } catch (error) {
        // Without a Spotify login the pin still stands; the record is fetched by the next import.
        if (error instanceof AuthRequiredError) return this.deps.connectorTracks.find(service, externalId);
        throw error;
      }
    } else {
      return this.deps.connectorTracks.find(service, externalId);
    }
    if (found === null) {
      throw new InvalidInputError(
        'IDENTITY.NO_SUCH_RECORD',
        `${service === 'musicbrainz' ? 'MusicBrainz has no recording' : 'Spotify has no track'} ${externalId}; check the id and try again`,
      );
    }
    return found;
  }
}
