// The syllables the benches build made-up artist names and titles from: text that looks like music
// metadata without copying any, the same on every run (the benches pick from it with a seeded random).
export const PLAIN_SYLLABLES: readonly string[] =
  'ka lo mi ra ven tor sa dre ul po ne ri cha bel zo an'.split(' ');

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
