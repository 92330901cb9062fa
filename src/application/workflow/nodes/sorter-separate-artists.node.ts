// sorter.separate_artists: keeps one artist's tracks apart, so no two neighbours share a primary
// artist where the counts allow it.
import * as z from 'zod';
import { separateArtists } from '../../../domain/workflow/transforms/index.js';
import { defineNode } from '../workflow-node.js';
import { mainInput } from './node-inputs.js';

export const separateArtistsSorter = defineNode({
  type: 'sorter.separate_artists',
  kind: 'sorter',
  description:
    'Reorders tracks so no two neighbours share a primary artist where possible (else as few runs as the counts allow); stable',
  params: z.looseObject({}),
  async run(_ctx, { inputs }) {
    return { output: separateArtists(mainInput(inputs)) };
  },
});
