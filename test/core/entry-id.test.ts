// Entry ids: the hash is FNV-1a 64 (checked against a BigInt reference), ids are short Crockford base32, derived
// ids follow content and occurrence only, and new ids never take one a file already uses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentHash,
  contentKey,
  deriveEntryId,
  effectiveIds,
  fnv1a64,
  ID_PATTERN,
  idsStartingWith,
  newEntryId,
  newEntryIdOf,
  withId,
} from '../../src/core/entry-id.js';
import { crossFileDuplicateIds } from '../../src/core/entry-rules.js';

/** FNV-1a 64 as its definition says, with BigInt. */
function reference(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h;
}

const entry = { indicator: 'B.3.b.1', date: '2021-03-10', amount: 7, reported_by: 'dinsos' };

describe('fnv1a64', () => {
  it('is FNV-1a 64 over UTF-8 (the published vector for "a", and any text)', () => {
    const [hi, lo] = fnv1a64('a');
    expect(((BigInt(hi) << 32n) | BigInt(lo)).toString(16)).toBe('af63dc4c8601ec8c');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const [h, l] = fnv1a64(text);
        expect((BigInt(h) << 32n) | BigInt(l)).toBe(reference(text));
      }),
    );
  });
});

describe('contentKey', () => {
  it('ignores id, form, key order, breakdown label order and how a number is written', () => {
    const a = { ...entry, breakdown: { perempuan: 4, 'laki-laki': 3 } };
    const b = {
      breakdown: { 'laki-laki': 3, perempuan: 4 },
      reported_by: 'dinsos',
      amount: 7.0,
      date: '2021-03-10',
      indicator: 'B.3.b.1',
      id: '0123456789',
      form: 'dinsos/2021-Q1',
    };
    expect(contentKey(b)).toBe(contentKey(a));
  });

  it('tells apart entries that differ in any field, a label or an unknown key', () => {
    const keys = [
      entry,
      { ...entry, amount: 8 },
      { ...entry, note: 'x' },
      { ...entry, note: 'x ' },
      { ...entry, unit: 'ORANG' },
      { ...entry, breakdown: { a: 7 } },
      { ...entry, breakdown: { b: 7 } },
      { ...entry, extra: 1 },
      { ...entry, amount: '7' },
    ].map(contentKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('deriveEntryId', () => {
  it('is 10 characters of lowercase Crockford base32, and two occurrences share no prefix', () => {
    const key = contentKey(entry);
    const ids = [0, 1, 2, 3].map((n) => deriveEntryId(key, n));
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    expect(new Set(ids.map((id) => id.slice(0, 2))).size).toBe(4);
    expect(deriveEntryId(key, 0)).toBe(deriveEntryId(contentKey({ ...entry }), 0));
  });
});

describe('effectiveIds', () => {
  it('takes a stored id, else derives by content and occurrence; a non-mapping has none', () => {
    const key = contentKey(entry);
    const ids = effectiveIds([entry, { ...entry, id: 'abcdefghjk' }, entry, 'x', { ...entry, amount: 2 }]);
    expect(ids).toEqual([
      deriveEntryId(key, 0),
      'abcdefghjk',
      deriveEntryId(key, 2),
      '',
      deriveEntryId(contentKey({ ...entry, amount: 2 }), 0),
    ]);
  });

  it('keeps the ids it gave before content keys were hashed as they are read (pinned)', () => {
    const odd = {
      ...entry,
      indicator: 'A.1.a.2',
      amount: 7.5,
      note: 'kata "kutip" \\ é 😀 \ud800',
      breakdown: { z: 1, a: 2 },
      extra: [1, 'x'],
    };
    expect(effectiveIds([entry, odd, entry, odd, 'x'])).toEqual([
      'ez775hrv4m',
      'epms6mkxyj',
      'q7ygmyh7bs',
      '4baqpt5wcc',
      '',
    ]);
  });

  it('equals its definition: content key, then occurrences of that key before it (fast-check)', () => {
    const text = fc.oneof(fc.constantFrom('B.3.b.1', 'dinsos', 'a"b', 'a\\b', '\u0001', '\ud800', 'é'), fc.string());
    const item = fc.record(
      {
        indicator: text,
        date: fc.constantFrom('2021-03-10', '2021-03-11'),
        amount: fc.oneof(fc.integer({ min: -2, max: 2 }), fc.double(), fc.constant(-0)),
        reported_by: text,
        note: text,
        breakdown: fc.dictionary(text, fc.integer({ min: 0, max: 3 }), { maxKeys: 3 }),
        other: fc.oneof(text, fc.boolean(), fc.constant(null)),
        id: fc.constant('abcdefghjk'),
      },
      { requiredKeys: ['indicator'] },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(item, fc.constant('x')), { maxLength: 12 }), (items) => {
        // Copies on purpose: the same items twice over.
        const all = [...items, ...items];
        const seen = new Map<string, number>();
        const expected = all.map((v) => {
          if (typeof v !== 'object') return '';
          const key = contentKey(v);
          const n = seen.get(key) ?? 0;
          seen.set(key, n + 1);
          return typeof v.id === 'string' ? v.id : deriveEntryId(key, n);
        });
        expect(effectiveIds(all)).toEqual(expected);
      }),
    );
  });

  it('an edit of another entry, or an entry added after, changes no derived id', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (amounts, pick) => {
          const items = amounts.map((amount) => ({ ...entry, amount }));
          const before = effectiveIds(items);
          const i = pick % items.length;
          // Another content for entry i (one no other entry has), and one more entry at the end.
          const edited = items.map((e, k) => (k === i ? { ...e, amount: 100 } : e));
          const after = effectiveIds([...edited, { ...entry, amount: amounts[0]! }]);
          items.forEach((e, k) => {
            // Entries after i with the content i had count one occurrence fewer: those are the ones a writer pins.
            const shifted = k > i && e.amount === items[i]!.amount;
            if (k !== i && !shifted) expect(after[k]).toBe(before[k]);
          });
        },
      ),
    );
  });
});

describe('contentHash and newEntryIdOf (no key built)', () => {
  it('the same number for the same content key, and the id newEntryId gives from the key', () => {
    const text = fc.oneof(fc.constantFrom('B.3.b.1', 'a"b', '\ud800', 'é'), fc.string());
    const raw = fc.record(
      { indicator: text, date: text, amount: fc.oneof(fc.integer(), fc.double()), note: text, x: text },
      { requiredKeys: ['indicator'] },
    );
    fc.assert(
      fc.property(raw, fc.array(fc.constantFrom(0, 1, 2), { maxLength: 3 }), (r, taken) => {
        // The same content written another way: keys in reverse order, with an id and a form.
        const again = Object.fromEntries(Object.entries(r).reverse());
        expect(contentHash({ ...again, id: 'abcdefghjk', form: 'f' })).toBe(contentHash(r));
        const key = contentKey(r);
        const used = new Set(taken.map((n) => deriveEntryId(key, n)));
        const copy = new Set(used);
        expect(newEntryIdOf(r, used)).toBe(newEntryId(key, copy));
        expect(used).toEqual(copy);
      }),
    );
    expect(contentHash(entry)).not.toBe(contentHash({ ...entry, amount: 8 }));
  });
});

describe('newEntryId', () => {
  it('takes the first occurrence whose id is free, and marks it used', () => {
    const key = contentKey(entry);
    const used = new Set([deriveEntryId(key, 0), deriveEntryId(key, 2)]);
    expect(newEntryId(key, used)).toBe(deriveEntryId(key, 1));
    expect(newEntryId(key, used)).toBe(deriveEntryId(key, 3));
    expect(used.size).toBe(4);
  });
});

describe('withId and prefixes', () => {
  it('puts the id first, replacing any other', () => {
    expect(Object.keys(withId({ ...entry, id: 'x' }, 'abcdefghjk'))).toEqual(['id', ...Object.keys(entry)]);
  });

  it('finds ids by prefix, whatever the case typed', () => {
    expect(idsStartingWith('AB', ['abc', 'xab', 'ab'])).toEqual(['abc', 'ab']);
  });
});

describe('crossFileDuplicateIds', () => {
  const ids = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => deriveEntryId(`k${from + i}`, 0));

  it('names an id repeated in another file (once per file: copies within a file are checked per file), few ids or many', () => {
    for (const n of [10, 60_000]) {
      const a = ids(n);
      const b = [...ids(5, n), a[n - 1]!, a[0]!];
      const c = [a[3]!, '', a[3]!];
      const found = crossFileDuplicateIds([
        { file: 'a', ids: a },
        { file: 'b', ids: b },
        { file: 'c', ids: c },
      ]);
      expect(found.map((f) => [f.at.file, f.at.pointer, f.params.id])).toEqual([
        ['b', '/entries/5', a[n - 1]],
        ['b', '/entries/6', a[0]],
        ['c', '/entries/0', a[3]],
      ]);
      expect(found[0]!.params.first).toEqual({ file: 'a', pointer: `/entries/${n - 1}` });
    }
  });

  // The incremental check (only the changed files' ids compared) must be the full check whenever its premise
  // holds: the unchanged files share no id among themselves.
  it('given the changed files, finds what the full check finds, in the same order (fast-check)', () => {
    const pool = ids(40);
    const file = fc.array(fc.oneof(fc.constantFrom(...pool), fc.constant('')), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(file, fc.boolean()), { minLength: 1, maxLength: 8 }), (made) => {
        // The unchanged files (false) lose any id an earlier unchanged file has: the premise of `changed`.
        const taken = new Set<string>();
        const files = made.map(([list, isChanged], f) => {
          const kept = isChanged ? list : list.filter((id) => id === '' || !taken.has(id));
          if (!isChanged) for (const id of kept) if (id !== '') taken.add(id);
          return { file: `f${f}`, ids: kept };
        });
        const changed = new Set(made.flatMap(([, isChanged], f) => (isChanged ? [f] : [])));
        expect(crossFileDuplicateIds(files, changed)).toEqual(crossFileDuplicateIds(files));
      }),
      { numRuns: 2000 },
    );
  });

  it('given the changed files, at national scale too, and nothing when they hold no id', () => {
    const a = ids(60_000);
    const b = ids(60_000, 60_000);
    const edited = [...ids(3, 120_000), b[17]!, a[59_999]!];
    const files = [
      { file: 'a', ids: a },
      { file: 'edited', ids: edited },
      { file: 'b', ids: b },
    ];
    const found = crossFileDuplicateIds(files, new Set([1]));
    expect(found).toEqual(crossFileDuplicateIds(files));
    expect(found.map((f) => [f.at.file, f.at.pointer])).toEqual([
      ['edited', '/entries/4'],
      ['b', '/entries/17'],
    ]);
    expect(crossFileDuplicateIds([...files, { file: 'empty', ids: ['', ''] }], new Set([3]))).toEqual([]);
  });
});
