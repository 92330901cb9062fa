// The User-Agent Narada sends: services (MusicBrainz above all) throttle or refuse anonymous clients,
// so every request names the app, its version and where to reach its authors.
import { PROJECT_URL, naradaVersion } from '../../config/version.js';

/** `narada/0.1.0 (+https://github.com/narada-music/narada)`, for Spotify and Last.fm. */
export function defaultUserAgent(): string {
  return `narada/${naradaVersion()} (+${PROJECT_URL})`;
}

/** `narada/0.1.0 ( https://github.com/narada-music/narada )`: MusicBrainz's `App/version ( contact )` form. */
export function defaultMusicBrainzUserAgent(): string {
  return `narada/${naradaVersion()} ( ${PROJECT_URL} )`;
}
