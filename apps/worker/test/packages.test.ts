/**
 * The packages as a new user gets them: packs every workspace package, installs the tarballs into
 * a fresh npm project (npm 11, no workspace, the .npmrc the READMEs ask for), type-checks and runs
 * each README example, runs `npx xinwen --version` and `npx xinwen process` on a seed, and runs an
 * esbuild bundle of a normalize-only script. Slow (npm may build nodejieba from source), so it runs
 * only when XINWEN_PACK_TEST=1 (`pnpm test:packages`, which `.ci/run` calls once); skipped, saying
 * why, when the npm registry cannot be reached or npm is older than 11.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessedDocumentSchema } from '@xinwen/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const packageDirs = [
  ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name)),
  join(root, 'apps', 'worker'),
];
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const minutes = 60_000;

function npmProblem(): string | undefined {
  const version = spawnSync('npm', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return 'npm is not installed';
  if (Number(version.stdout.split('.')[0]) < 11) return `npm ${version.stdout.trim()} is older than 11`;
  const ping = spawnSync('npm', ['ping'], { encoding: 'utf8', timeout: 20_000 });
  if (ping.status !== 0) return 'the npm registry cannot be reached (npm ping failed)';
  return undefined;
}

const problem =
  process.env.XINWEN_PACK_TEST === '1'
    ? npmProblem()
    : 'XINWEN_PACK_TEST is not 1 (run `pnpm test:packages`)';
if (problem) console.warn(`skipping the packed-package test: ${problem}`);

/** The ```ts blocks of a README that import an xinwen package (type sketches are left out). */
function examples(readme: string): string[] {
  const blocks = [...readFileSync(readme, 'utf8').matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  return blocks.filter((block) => /from '@xinwen\//.test(block));
}

/**
 * What the examples leave to the reader (`text`, `doc`, `ctx`, …), given real values, each added
 * only when an example uses the name without declaring it.
 */
const prelude: [name: string, code: string][] = [
  ['readFileSync', "import { readFileSync } from 'node:fs';"],
  ['readFile', "import { readFile } from 'node:fs/promises';"],
  ['normalize', "import { normalize } from '@xinwen/normalize';"],
  ['segment', "import { segment } from '@xinwen/segment';"],
  ['fingerprint', "import { fingerprint } from '@xinwen/dedupe';"],
  ['createDedupeIndex', "import { createDedupeIndex } from '@xinwen/dedupe';"],
  ['createContext', "import { createContext } from '@xinwen/core';"],
  ['line', "const line = (await import('node:fs')).readFileSync('doc.jsonl', 'utf8').split('\\n')[0]!;"],
  ['text', "const text = (await import('node:fs')).readFileSync('page.txt', 'utf8');"],
  ['webText', "const webText = (await import('node:fs')).readFileSync('page.txt', 'utf8').slice(200);"],
  ['articleText', "const articleText = (await import('node:fs')).readFileSync('page.txt', 'utf8');"],
  ['bytes', "const bytes = (await import('node:fs')).readFileSync('page.txt');"],
  [
    'doc',
    "const doc: { id: string; normalized: { text: string }; dedupe?: unknown } = { id: 'readme-doc', normalized: { text: (await import('node:fs')).readFileSync('page.txt', 'utf8') } };",
  ],
  ['ctx', "const ctx = (await import('@xinwen/core')).createContext('dedupe');"],
  ['index', "const index = (await import('@xinwen/dedupe')).createDedupeIndex();"],
  ['handle', 'const handle = (value: unknown) => console.log(value === undefined ? 0 : 1);'],
  ['lastEventId', 'let lastEventId: string | undefined;'],
];

function withPrelude(block: string): string {
  const lines: string[] = [];
  for (const [name, code] of prelude) {
    const used = new RegExp(`(?<![.\\w])${name}\\b`).test(block);
    const declared = new RegExp(
      `(?:import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}|(?:const|let|var|function)\\s+(?:\\{[^}]*\\b)?${name}\\b)`,
    ).test(block);
    if (used && !declared) lines.push(code);
  }
  // Imports first (they are hoisted anyway), then the values, then the example.
  lines.sort((a, b) => Number(!a.startsWith('import')) - Number(!b.startsWith('import')));
  return `${lines.join('\n')}\n${block}\nexport {};\n`;
}

describe.skipIf(problem !== undefined)(
  'the packed packages, installed with npm 11 in a fresh project',
  () => {
    const work = mkdtempSync(join(tmpdir(), 'xinwen-pack-'));
    const tarballs = join(work, 'tarballs');
    const project = join(work, 'project');
    const files = new Map<string, string[]>();
    const redis = new Redis(redisUrl, { lazyConnect: true });

    beforeAll(() => {
      mkdirSync(tarballs);
      for (const dir of packageDirs) {
        const out = execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
          cwd: dir,
          encoding: 'utf8',
        });
        const tarball = out.trim().split('\n').at(-1)!;
        files.set(tarball, execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n'));
      }
    }, 10 * minutes);

    afterAll(async () => {
      // The dedupe README example keeps its index under news:dedupe in the Redis it was given.
      await redis.connect().catch(() => undefined);
      if (redis.status === 'ready') {
        const keys = await redis.keys('*news:dedupe*');
        if (keys.length > 0) await redis.unlink(...keys);
      }
      redis.disconnect();
    });

    it('every tarball has its LICENSE and README, and no source map without its sources', () => {
      expect(files.size).toBe(packageDirs.length);
      for (const [tarball, list] of files) {
        expect(list, tarball).toContain('package/LICENSE');
        expect(list, tarball).toContain('package/README.md');
        expect(
          list.filter((f) => f.endsWith('.d.ts.map')),
          tarball,
        ).toEqual([]);
        const maps = list.filter((f) => f.endsWith('.js.map'));
        for (const map of maps.slice(0, 3)) {
          const json = JSON.parse(execFileSync('tar', ['-xzOf', tarball, map], { encoding: 'utf8' }));
          expect(json.sourcesContent?.length, `${tarball} ${map}`).toBe(json.sources.length);
        }
      }
    });

    it(
      'installs with npm 11 and the .npmrc the READMEs give (nodejieba built or fetched)',
      () => {
        mkdirSync(project);
        writeFileSync(
          join(project, 'package.json'),
          JSON.stringify({ name: 'fresh-project', private: true, type: 'module' }, null, 2),
        );
        // What the install sections say npm 11 needs: nodejieba's install step runs `npx`.
        writeFileSync(join(project, '.npmrc'), 'yes=true\n');
        const result = spawnSync(
          'npm',
          [
            'install',
            '--no-audit',
            '--no-fund',
            ...readdirSync(tarballs).map((t) => join(tarballs, t)),
            'typescript@~5.9.3',
            '@types/node@^20.19.0',
            'esbuild@^0.28.2',
          ],
          { cwd: project, encoding: 'utf8' },
        );
        expect(result.stderr + result.stdout).not.toMatch(/npm error/);
        expect(result.status).toBe(0);
        cpSync(join(root, 'seeds'), join(project, 'seeds'), { recursive: true });
        cpSync(join(root, 'seeds', '001_1dec3f20949d3dbf.txt'), join(project, 'page.txt'));
        const batch = ['001_1dec3f20949d3dbf', '003_ea90497b5cb0cfb5'].map((name) =>
          JSON.stringify({ id: name, text: readFileSync(join(root, 'seeds', `${name}.txt`), 'utf8') }),
        );
        writeFileSync(join(project, 'batch.jsonl'), `${batch.join('\n')}\n`);
        // The web-page examples read a small article page.
        const lead = readFileSync(join(root, 'seeds', '001_1dec3f20949d3dbf.txt'), 'utf8').slice(0, 400);
        writeFileSync(
          join(project, 'article.html'),
          '<!doctype html><html><head><meta charset="utf-8"><title>新闻标题_示例网</title>' +
            '<meta property="article:published_time" content="2024-09-05T08:00:00+08:00"></head>' +
            `<body><nav><a href="/">首页</a> <a href="/n">新闻</a></nav><h1>新闻标题</h1><article><p>${lead}</p></article></body></html>`,
        );
      },
      30 * minutes,
    );

    it(
      'npx xinwen --version and npx xinwen process run from the installed package',
      () => {
        const version = spawnSync('npx', ['xinwen', '--version'], { cwd: project, encoding: 'utf8' });
        expect(version.status).toBe(0);
        const { version: expected } = JSON.parse(
          readFileSync(join(root, 'apps', 'worker', 'package.json'), 'utf8'),
        );
        expect(version.stdout.trim()).toBe(expected);
        const processed = spawnSync('npx', ['xinwen', 'process', 'seeds/001_1dec3f20949d3dbf.txt'], {
          cwd: project,
          encoding: 'utf8',
          maxBuffer: 64 * 2 ** 20,
        });
        expect(processed.stderr).not.toContain('internal_error');
        expect(processed.status).toBe(0);
        const doc = ProcessedDocumentSchema.parse(JSON.parse(processed.stdout));
        expect(doc.source.uri).toBe('seeds/001_1dec3f20949d3dbf.txt');
        expect(doc.articles?.length).toBeGreaterThan(1);
        writeFileSync(join(project, 'doc.jsonl'), processed.stdout);
      },
      5 * minutes,
    );

    it('ships the JSON Schema of ProcessedDocument as @xinwen/core/schema.json', () => {
      const out = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "import { createRequire } from 'node:module'; const r = createRequire(process.cwd() + '/'); const s = JSON.parse((await import('node:fs')).readFileSync(r.resolve('@xinwen/core/schema.json'), 'utf8')); console.log(s.title, s.required.join(','));",
        ],
        { cwd: project, encoding: 'utf8' },
      );
      expect(out.trim()).toBe('ProcessedDocument id,source,warnings');
    });

    it(
      'type-checks every README example (strict, exactOptionalPropertyTypes) and runs it',
      () => {
        const dir = join(project, 'examples');
        mkdirSync(dir);
        const readmes = [...packageDirs.map((d) => join(d, 'README.md')), join(root, 'README.md')];
        const written: { file: string; follows: boolean }[] = [];
        for (const readme of readmes) {
          const name =
            readme
              .slice(root.length + 1)
              .replace(/\/?README\.md$/, '')
              .replace(/\//g, '-') || 'root';
          examples(readme).forEach((block, i) => {
            const file = `${name}-${i + 1}.ts`;
            writeFileSync(join(dir, file), withPrelude(block));
            // Examples that follow the store's event stream never end on their own.
            written.push({ file, follows: /\.watch\(/.test(block) });
          });
        }
        expect(written.length).toBeGreaterThan(10);
        writeFileSync(
          join(project, 'tsconfig.json'),
          JSON.stringify({
            compilerOptions: {
              target: 'ES2022',
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              strict: true,
              exactOptionalPropertyTypes: true,
              noUncheckedIndexedAccess: true,
              skipLibCheck: true,
              types: ['node'],
              outDir: 'built',
              rootDir: 'examples',
            },
            include: ['examples'],
          }),
        );
        const tsc = spawnSync('npx', ['tsc', '-p', '.'], { cwd: project, encoding: 'utf8' });
        expect(tsc.stdout).toBe('');
        expect(tsc.status).toBe(0);
        const env = { ...process.env, REDIS_URL: redisUrl, STORE_URL: redisUrl };
        for (const { file, follows } of written) {
          const run = spawnSync(process.execPath, [join('built', file.replace(/\.ts$/, '.js'))], {
            cwd: project,
            env,
            encoding: 'utf8',
            timeout: follows ? 15_000 : 120_000,
          });
          // An example that follows the event stream is stopped by the timeout, without an error.
          if (follows) expect(run.stderr, file).toBe('');
          else
            expect({ file, status: run.status, stderr: run.stderr }).toEqual({ file, status: 0, stderr: '' });
        }
      },
      20 * minutes,
    );

    it('an esbuild bundle of a normalize-only script runs', () => {
      writeFileSync(
        join(project, 'normalize-only.mjs'),
        "import { normalize } from '@xinwen/normalize';\nconsole.log(normalize('經濟發展　ＡＢＣ').text);\n",
      );
      execFileSync(
        'npx',
        [
          'esbuild',
          'normalize-only.mjs',
          '--bundle',
          '--platform=node',
          '--format=esm',
          '--outfile=bundle/out.mjs',
        ],
        { cwd: project, stdio: 'pipe' },
      );
      const run = spawnSync(process.execPath, ['out.mjs'], {
        cwd: join(project, 'bundle'),
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('经济发展 ABC');
    });
  },
);
