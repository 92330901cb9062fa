// Compares two recordings' version profiles: different kinds (live vs studio, remix vs original) cost
// points; the same kind with different qualifiers (two remixers, two concerts) costs fewer.
import { tokenOverlap } from './string-similarity.js';
import type { VersionKind, VersionTag } from './version-tags.js';

export interface VersionProfile {
  /** Kinds named by the title's tags. */
  readonly titleKinds: ReadonlySet<VersionKind>;
  /** Kinds only the album name suggests (a live album); weaker evidence than a title tag. */
  readonly albumKinds: ReadonlySet<VersionKind>;
  readonly qualifiers: ReadonlyMap<VersionKind, readonly string[]>;
}

export interface VersionComparison {
  /** 1 when compatible, 0.5 for the same kind with other qualifiers, 0 for different kinds. */
  readonly score: number;
  readonly penalty: number;
  readonly notes: readonly string[];
}

/** Points off for a kind present on one side only: a different recording, near-certainly. */
export const KIND_PENALTY: Readonly<Record<VersionKind, number>> = {
  live: 45,
  remix: 45,
  acoustic: 45,
  instrumental: 50,
  karaoke: 55,
  a_cappella: 50,
  demo: 45,
  re_recording: 45,
  reprise: 50,
  edit: 35,
  extended: 35,
  sped_up: 50,
  alternate: 30,
  cover: 45,
  video: 50,
};
const ALBUM_ONLY_PENALTY = 25;
const EXTRA_KIND_PENALTY = 5;
const MAX_PENALTY = 60;
const OTHER_QUALIFIER_PENALTY = 25;
// Qualifiers name the remixer or the concert; a year or venue present on one side only is not a conflict.
const QUALIFIED_KINDS: readonly VersionKind[] = ['remix', 'live', 'edit', 'alternate', 'extended'];

const NO_VERSION: VersionProfile = Object.freeze({
  titleKinds: new Set<VersionKind>(),
  albumKinds: new Set<VersionKind>(),
  qualifiers: new Map<VersionKind, readonly string[]>(),
});

export function versionProfile(tags: readonly VersionTag[], albumIsLive: boolean): VersionProfile {
  if (!albumIsLive && tags.every((tag) => tag.kinds.length === 0)) return NO_VERSION;
  const titleKinds = new Set<VersionKind>();
  const qualifiers = new Map<VersionKind, string[]>();
  for (const tag of tags) {
    for (const kind of tag.kinds) {
      titleKinds.add(kind);
      qualifiers.set(kind, [...(qualifiers.get(kind) ?? []), ...tag.qualifier]);
    }
  }
  const albumKinds = new Set<VersionKind>();
  if (albumIsLive && !titleKinds.has('live')) albumKinds.add('live');
  return { titleKinds, albumKinds, qualifiers };
}

function describe(profile: VersionProfile): string {
  const kinds = [...profile.titleKinds, ...profile.albumKinds];
  return kinds.length === 0 ? 'none' : kinds.map((kind) => `'${kind}'`).join(', ');
}

const COMPATIBLE: VersionComparison = Object.freeze({ score: 1, penalty: 0, notes: Object.freeze([]) });

export function compareVersions(a: VersionProfile, b: VersionProfile): VersionComparison {
  if (a === NO_VERSION && b === NO_VERSION) return COMPATIBLE;
  const notes: string[] = [];
  const kindsA = new Set([...a.titleKinds, ...a.albumKinds]);
  const kindsB = new Set([...b.titleKinds, ...b.albumKinds]);
  const penalties: number[] = [];
  for (const [kinds, other, profile] of [
    [kindsA, kindsB, a],
    [kindsB, kindsA, b],
  ] as const) {
    for (const kind of kinds) {
      if (other.has(kind)) continue;
      penalties.push(profile.titleKinds.has(kind) ? KIND_PENALTY[kind] : ALBUM_ONLY_PENALTY);
    }
  }
  if (penalties.length > 0) {
    const fromAlbum = [...a.albumKinds, ...b.albumKinds].length > 0 ? ' (live album)' : '';
    notes.push(`version ${describe(a)} vs ${describe(b)}${fromAlbum}`);
    const penalty = Math.min(
      MAX_PENALTY,
      Math.max(...penalties) + EXTRA_KIND_PENALTY * (penalties.length - 1),
    );
    return { score: 0, penalty, notes };
  }
  for (const kind of QUALIFIED_KINDS) {
    const qa = a.qualifiers.get(kind) ?? [];
    const qb = b.qualifiers.get(kind) ?? [];
    if (qa.length === 0 || qb.length === 0) continue;
    if (tokenOverlap(qa, qb).containment < 0.5) {
      notes.push(`both '${kind}' but different: '${qa.join(' ')}' vs '${qb.join(' ')}'`);
      return { score: 0.5, penalty: OTHER_QUALIFIER_PENALTY, notes };
    }
  }
  return { score: 1, penalty: 0, notes };
}
