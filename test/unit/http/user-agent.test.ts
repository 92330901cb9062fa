import { describe, expect, it } from '@jest/globals';
import {
  defaultMusicBrainzUserAgent,
  defaultUserAgent,
} from '../../../src/infrastructure/connectors/http/user-agent.js';

describe('User-Agent', () => {
  it('names Narada, its version and the project URL', () => {
    expect(defaultUserAgent()).toMatch(
      /^narada\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/narada-music\/narada\)$/,
    );
  });

  it('uses the `App/version ( contact )` form MusicBrainz asks for', () => {
    expect(defaultMusicBrainzUserAgent()).toMatch(
      /^narada\/\d+\.\d+\.\d+ \( https:\/\/github\.com\/narada-music\/narada \)$/,
    );
  });
});
