// The media library: scanning folders of music files into tracks, and reading the files back.
import { LIBRARY } from '../library.tokens.js';
import { TOKENS } from '../tokens.js';
import { TRACKS } from '../tracks.tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindLibrary: FeatureModule = (wiring) => {
  wiring.bind(LIBRARY.Scan, async (get) => {
    const { ScanLibrary } = await import('../../../application/use-cases/library/scan-library.js');
    const { FsMediaFinder } = await import('../../media/fs-media-finder.js');
    const { MusicMetadataReader } = await import('../../media/music-metadata-reader.js');
    const repos = await get(TOKENS.Repositories);
    const ingest = await get(TRACKS.IngestConnectorTracks);
    return new ScanLibrary({
      finder: new FsMediaFinder(),
      reader: new MusicMetadataReader(),
      store: repos.library,
      ingest: (records) => ingest.run(records),
      unitOfWork: repos.unitOfWork,
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
    });
  });
  wiring.bind(LIBRARY.List, async (get) => {
    const { ListLibrary } = await import('../../../application/use-cases/library/list-library.js');
    return new ListLibrary((await get(TOKENS.Repositories)).library);
  });
  wiring.bind(LIBRARY.Show, async (get) => {
    const { ShowLibraryFile } = await import('../../../application/use-cases/library/show-library-file.js');
    return new ShowLibraryFile((await get(TOKENS.Repositories)).library);
  });
  wiring.bind(LIBRARY.Duplicates, async (get) => {
    const { FindLibraryDuplicates } =
      await import('../../../application/use-cases/library/find-library-duplicates.js');
    return new FindLibraryDuplicates((await get(TOKENS.Repositories)).library);
  });
  wiring.bind(LIBRARY.Link, async (get) => {
    const { LinkListens } = await import('../../../application/use-cases/library/link-listens.js');
    const repos = await get(TOKENS.Repositories);
    return new LinkListens({
      store: repos.listenLinks,
      unitOfWork: repos.unitOfWork,
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
    });
  });
  wiring.bind(LIBRARY.ReviewLinks, async (get) => {
    const { ReviewListenLinks } =
      await import('../../../application/use-cases/library/review-listen-links.js');
    const repos = await get(TOKENS.Repositories);
    return new ReviewListenLinks({
      store: repos.listenLinks,
      unitOfWork: repos.unitOfWork,
      clock: await get(TOKENS.Clock),
    });
  });
};
