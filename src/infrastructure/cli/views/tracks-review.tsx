// `narada tracks review` on a terminal (ink): one track at a time with its candidates and their evidence;
// ↑/↓ choose, a accepts the chosen one, r rejects them all, s skips, q stops.
import { Box, render, Text, useApp, useInput } from 'ink';
import { useState } from 'react';
import type { ReviewItem } from '../../../application/use-cases/tracks/review-matches.js';
import { evidenceLine, formatDurationMs, readableExternalId, trackTitle } from './tracks-lines.js';

export interface ReviewDecisions {
  accept(candidateId: string): Promise<string>;
  reject(trackId: string): Promise<string>;
}

export interface ReviewTally {
  accepted: number;
  rejected: number;
  skipped: number;
}

interface SessionProps {
  readonly items: readonly ReviewItem[];
  readonly decisions: ReviewDecisions;
  readonly tally: ReviewTally;
}

function ReviewSession({ items, decisions, tally }: SessionProps) {
  const { exit } = useApp();
  const [at, setAt] = useState(0);
  const [chosen, setChosen] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const item = items[at];

  const next = (note: string) => {
    setMessage(note);
    setChosen(0);
    setBusy(false);
    if (at + 1 >= items.length) exit();
    else setAt(at + 1);
  };
  const decide = (kind: 'accepted' | 'rejected', work: () => Promise<string>) => {
    setBusy(true);
    work().then(
      (note) => {
        tally[kind] += 1;
        next(note);
      },
      (error: unknown) => {
        setBusy(false);
        setMessage(error instanceof Error ? error.message : String(error));
      },
    );
  };

  useInput((input, key) => {
    if (item === undefined || busy) return;
    if (key.upArrow) setChosen(Math.max(0, chosen - 1));
    else if (key.downArrow) setChosen(Math.min(item.candidates.length - 1, chosen + 1));
    else if (input === 'a') decide('accepted', () => decisions.accept(item.candidates[chosen]!.id));
    else if (input === 'r') decide('rejected', () => decisions.reject(String(item.track.id)));
    else if (input === 's') {
      tally.skipped += 1;
      next(`skipped track ${item.track.id}`);
    } else if (input === 'q' || key.escape) exit();
  });

  if (item === undefined) return <Text>Nothing waits for review.</Text>;
  const { track } = item;
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {at + 1} of {items.length} · ↑/↓ choose · a accept · r reject all · s skip · q quit
      </Text>
      <Text bold>
        Track {track.id}: {trackTitle(track)}
        {track.album ? ` · ${track.album}` : ''}
        {track.durationMs ? ` · ${formatDurationMs(track.durationMs)}` : ''}
      </Text>
      {item.candidates.map((candidate, index) => {
        const record = candidate.record;
        const label =
          record === null ? readableExternalId(candidate.mapping.externalId) : `${trackTitle(record)}`;
        return (
          <Box key={candidate.id} flexDirection="column" marginLeft={1}>
            <Text color={index === chosen ? 'cyan' : undefined}>
              {index === chosen ? '›' : ' '} {candidate.mapping.service} {candidate.mapping.confidence}{' '}
              {label}
              {record?.album ? ` · ${record.album}` : ''}
              {record?.durationMs ? ` · ${formatDurationMs(record.durationMs)}` : ''}
            </Text>
            <Text dimColor> {evidenceLine(candidate.mapping.evidence)}</Text>
          </Box>
        );
      })}
      {message !== null && <Text color="yellow">{message}</Text>}
    </Box>
  );
}

/** Runs the session until every item is decided or the person quits. */
export async function reviewOnTerminal(
  items: readonly ReviewItem[],
  decisions: ReviewDecisions,
): Promise<ReviewTally> {
  const tally: ReviewTally = { accepted: 0, rejected: 0, skipped: 0 };
  const instance = render(<ReviewSession items={items} decisions={decisions} tally={tally} />);
  await instance.waitUntilExit();
  return tally;
}
