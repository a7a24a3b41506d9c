/**
 * The behaviour every dedupe backend must have. `memory.test.ts` and `redis.test.ts` run it with
 * their own backend factory.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDedupeIndex, type DedupeIndex, type DedupeIndexOptions } from '../dedupe-index.js';
import { fingerprint } from '../fingerprint.js';
import type { DedupeBackend } from '../types.js';
import { report, reportParagraphs, sameTopic, variants } from './documents.js';

export function backendSuite(name: string, makeBackend: () => DedupeBackend): void {
  describe(`dedupe index (${name} backend)`, () => {
    const open: DedupeIndex[] = [];
    const index = (options: Omit<DedupeIndexOptions, 'backend'> = {}) => {
      const created = createDedupeIndex({ ...options, backend: makeBackend() });
      open.push(created);
      return created;
    };
    afterEach(async () => {
      for (const i of open.splice(0)) {
        await i.clear();
        await i.close();
      }
    });

    it('makes the first document of a story its own cluster', async () => {
      const idx = index();
      expect(idx.backend).toBe(name);
      expect(await idx.checkAndAdd('print', fingerprint(report))).toEqual({
        nearDuplicates: [],
        clusterId: 'print',
      });
      expect(await idx.size()).toBe(1);
    });

    it('reports an exact duplicate, also as a near duplicate with similarity 1', async () => {
      const idx = index();
      await idx.checkAndAdd('print', fingerprint(report));
      expect(await idx.checkAndAdd('web', fingerprint(report))).toEqual({
        exactDuplicateOf: 'print',
        nearDuplicates: [{ id: 'print', similarity: 1 }],
        clusterId: 'print',
      });
    });

    it.each(Object.entries(variants))(
      'finds the %s copy a near duplicate in the story’s cluster',
      async (_, text) => {
        const idx = index();
        await idx.checkAndAdd('print', fingerprint(report));
        const result = await idx.checkAndAdd('copy', fingerprint(text));
        expect(result.exactDuplicateOf).toBeUndefined();
        expect(result.clusterId).toBe('print');
        expect(result.nearDuplicates.map((d) => d.id)).toEqual(['print']);
        expect(result.nearDuplicates[0]?.similarity).toBeGreaterThanOrEqual(0.5);
        expect(result.nearDuplicates[0]?.similarity).toBeLessThanOrEqual(1);
      },
    );

    it('keeps different articles on the same topic apart', async () => {
      const idx = index();
      await idx.checkAndAdd('report', fingerprint(report));
      for (const [id, text] of Object.entries(sameTopic)) {
        expect(await idx.checkAndAdd(id, fingerprint(text))).toEqual({ nearDuplicates: [], clusterId: id });
      }
      expect(await idx.size()).toBe(7);
    });

    it('check answers without adding; checkAndAdd then adds', async () => {
      const idx = index();
      await idx.add('print', fingerprint(report));
      const fp = fingerprint(variants.edited);
      const checked = await idx.check('edited', fp);
      expect(checked.clusterId).toBe('print');
      expect(await idx.size()).toBe(1);
      expect(await idx.check('other', fingerprint(sameTopic.taiXie))).toEqual({
        nearDuplicates: [],
        clusterId: 'other',
      });
      expect(await idx.size()).toBe(1);
      expect(await idx.checkAndAdd('edited', fp)).toEqual(checked);
      expect(await idx.size()).toBe(2);
    });

    it('lists every near duplicate, most similar first, and keeps the first document as the cluster', async () => {
      const idx = index();
      await idx.checkAndAdd('print', fingerprint(report));
      await idx.checkAndAdd('ocr', fingerprint(variants.ocr));
      const result = await idx.checkAndAdd('edited', fingerprint(variants.edited));
      expect(result.clusterId).toBe('print');
      expect(result.nearDuplicates.map((d) => d.id)).toEqual(['print', 'ocr']);
      const [first, second] = result.nearDuplicates;
      expect(first?.similarity).toBeGreaterThan(second?.similarity ?? 1);
    });

    it('joins the cluster of the most similar document, even when the canonical one is below the threshold', async () => {
      const idx = index({ threshold: 0.6 });
      await idx.checkAndAdd('print', fingerprint(report));
      // The first 9 of 12 paragraphs: about 0.66 to the whole.
      const partial = await idx.checkAndAdd(
        'partial',
        fingerprint(reportParagraphs.slice(0, 9).join('\n\n')),
      );
      expect(partial.clusterId).toBe('print');
      // Paragraphs 4–9: about 0.66 to `partial`, 0.41 to the whole.
      const excerpt = await idx.checkAndAdd(
        'excerpt',
        fingerprint(reportParagraphs.slice(3, 9).join('\n\n')),
      );
      expect(excerpt.nearDuplicates.map((d) => d.id)).toEqual(['partial']);
      expect(excerpt.clusterId).toBe('print');
    });

    it('adds an id once: adding it again changes nothing and answers as stored', async () => {
      const idx = index();
      await idx.checkAndAdd('print', fingerprint(report));
      const first = await idx.checkAndAdd('web', fingerprint(variants.edited));
      expect(await idx.checkAndAdd('web', fingerprint(variants.edited))).toEqual(first);
      expect(await idx.checkAndAdd('print', fingerprint(report))).toEqual({
        nearDuplicates: [{ id: 'web', similarity: first.nearDuplicates[0]?.similarity }],
        clusterId: 'print',
      });
      expect(await idx.size()).toBe(2);
    });

    it('respects the threshold', async () => {
      const strict = index({ threshold: 0.99 });
      await strict.checkAndAdd('print', fingerprint(report));
      expect(await strict.check('ocr', fingerprint(variants.ocr))).toEqual({
        nearDuplicates: [],
        clusterId: 'ocr',
      });
      expect(strict.threshold).toBe(0.99);
    });

    it('empties on clear', async () => {
      const idx = index();
      await idx.checkAndAdd('print', fingerprint(report));
      await idx.clear();
      expect(await idx.size()).toBe(0);
      expect(await idx.check('again', fingerprint(report))).toEqual({
        nearDuplicates: [],
        clusterId: 'again',
      });
    });

    it('rejects a bad id or fingerprint with invalid_input', async () => {
      const idx = index();
      await expect(idx.checkAndAdd('', fingerprint(report))).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(
        idx.checkAndAdd('x', { contentHash: 'sha256:00', simhash: '0', minhash: new Uint32Array(3) }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
      expect(await idx.size()).toBe(0);
    });
  });
}
