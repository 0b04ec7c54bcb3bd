import { describe, expect, it } from 'vitest';
import { checkScript, type CallScript } from '#shared/domain/scripts/graph';

describe('checkScript', () => {
  const ok: CallScript = {
    kind: 'courtesy',
    title: 't',
    start: 'a',
    steps: [
      { id: 'a', say: 'hi', answers: [{ label: 'x', next: 'b' }] },
      { id: 'b', say: 'bye', answers: [{ label: 'y', outcome: 'promise' }] },
    ],
  };

  it('accepts a script whose steps are all reachable and whose ends each record one outcome', () => {
    expect(checkScript(ok)).toEqual([]);
  });

  it('finds unreachable steps, dangling answers, loops that never end and answers with two or no ends', () => {
    const bad = {
      kind: 'courtesy',
      title: 't',
      start: 'a',
      steps: [
        {
          id: 'a',
          say: '',
          answers: [
            { label: 'loop', next: 'b' },
            { label: 'both', next: 'b', outcome: 'promise' },
          ],
        },
        {
          id: 'b',
          say: '',
          answers: [
            { label: 'back', next: 'a' },
            { label: 'ghost', next: 'zz' },
          ],
        },
        { id: 'c', say: '', answers: [{ label: 'none' }] },
      ],
    } as unknown as CallScript;
    expect(checkScript(bad)).toEqual(
      expect.arrayContaining([
        { kind: 'answer_without_end', step: 'a', answer: 'both' },
        { kind: 'unknown_next', step: 'b', answer: 'ghost', next: 'zz' },
        { kind: 'answer_without_end', step: 'c', answer: 'none' },
        { kind: 'unreachable', step: 'c' },
        { kind: 'no_end', step: 'a' },
        { kind: 'no_end', step: 'b' },
      ]),
    );
  });
});
