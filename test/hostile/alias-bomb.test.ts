/**
 * Billion laughs: nine anchors, each a list of nine aliases of the previous one, expand to 9^9
 * (387 million) strings. The loader must refuse at the first alias, in bounded memory, instead of
 * expanding them.
 */
import { BASE, generateRefused, NEXT_LINE, useScratch } from './support/hostile';

const scratch = useScratch();

/** `a: &a [lol, ...]`, then `b: &b [*a, ...]` ... `i: &i [*h, ...]`: nine levels of nine. */
function billionLaughs(): string {
  const names = 'abcdefghi';
  const lines = [`a: &a [${Array(9).fill('lol').join(', ')}]`];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

const MESSAGE =
  'yaml aliases expand to too many nodes (more than 100 alias expansions, yaml alias expansions per document (billion-laughs guard)); write the values out instead of nesting aliases';

test('fails if yaml aliases nest into a billion laughs, at the first alias and without expanding them', async () => {
  // GIVEN a valid model followed by the nine-level alias bomb (first alias: line 2 of the bomb, col 8)
  const s = scratch();
  const model = s.write('org.yaml', BASE + billionLaughs());
  const peakBefore = process.resourceUsage().maxRSS;
  // WHEN generating
  const res = await generateRefused(s, model);
  // THEN one positioned message, and the process's peak memory barely moved: expanding even one
  // level of the 387 million strings would cost gigabytes
  expect(res.stderr).toBe(`${model}:${NEXT_LINE + 1}:8: ${MESSAGE}\n`);
  const growthKiB = process.resourceUsage().maxRSS - peakBefore;
  expect(growthKiB).toBeLessThan(64 * 1024);
});

test('fails if aliases used as values (not only as list items) expand past the limit', async () => {
  // GIVEN 101 uses of one anchor: each expansion counts, however small
  const s = scratch();
  const uses = Array.from({ length: 101 }, (_, i) => `  k${i}: *t`).join('\n');
  const model = s.write('org.yaml', `${BASE}x-tag: &t prod\nx-uses:\n${uses}\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE + 2}:7: ${MESSAGE}\n`);
});
