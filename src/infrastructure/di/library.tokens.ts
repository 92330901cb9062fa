// The media library's tokens (`narada library scan | list | show | duplicates | link`, and the listen
// links `narada tracks review` shows); type-only imports.
import type { FindLibraryDuplicates } from '../../application/use-cases/library/find-library-duplicates.js';
import type { LinkListens } from '../../application/use-cases/library/link-listens.js';
import type { ListLibrary } from '../../application/use-cases/library/list-library.js';
import type { ScanLibrary } from '../../application/use-cases/library/scan-library.js';
import type { ReviewListenLinks } from '../../application/use-cases/library/review-listen-links.js';
import type { ShowLibraryFile } from '../../application/use-cases/library/show-library-file.js';
import { token } from './tokens.js';

export const LIBRARY = {
  Scan: token<ScanLibrary>('library.Scan'),
  List: token<ListLibrary>('library.List'),
  Show: token<ShowLibraryFile>('library.Show'),
  Duplicates: token<FindLibraryDuplicates>('library.Duplicates'),
  Link: token<LinkListens>('library.Link'),
  ReviewLinks: token<ReviewListenLinks>('library.ReviewLinks'),
} as const;
