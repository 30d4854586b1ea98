// The CI recipe (.github/workflows/plan.yml) and the pre-commit hooks run only rad commands and options that exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runRad } from './helpers/run.js';
import { tmpDir } from './helpers/tmp.js';
import { PACKAGE_NAME, VERSION } from '../src/version.js';

/** The parts of a GitHub workflow and of a pre-commit hooks file these tests read. */
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: { run?: string; if?: string }[] } | undefined>;
}
interface Hook {
  id: string;
  entry: string;
  pass_filenames: boolean;
  language: string;
}

/** Each `rad ...` invocation in a shell line, up to the next shell operator. */
function radCommands(script: string): string[][] {
  const out: string[][] = [];
  for (const m of script.matchAll(/(?:^|[\s;&|(])(?:npx\s+)?rad\s+([^;&|>\n]*)/g)) out.push(m[1]!.trim().split(/\s+/));
  return out;
}

/** The command exists and its help lists every option used. */
async function expectRunnable(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  const help = await runRad([command!, '--help'], { cwd: ROOT, env: { RAD_LANG: 'en' } });
  expect(help.exitCode, `rad ${args.join(' ')}`).toBe(0);
  expect(help.stdout).toMatch(new RegExp(`^Usage: rad ${command} `));
  for (const option of rest.filter((a) => a.startsWith('--')))
    expect(help.stdout, `rad ${args.join(' ')}`).toContain(option.split('=')[0]);
}

describe('CI recipe', () => {
  it('the workflow validates with annotations, checks the form and writes the diff to the step summary', async () => {
    const workflow = parse(readFileSync(join(ROOT, '.github/workflows/plan.yml'), 'utf8')) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    const steps = workflow.jobs.plan?.steps ?? [];
    const runs = steps.filter((s) => s.run).map((s) => s.run!);
    const commands = runs.flatMap(radCommands);
    expect(commands.map((c) => c.join(' '))).toEqual(['validate', 'fmt --check', 'diff HEAD^1 --format md']);
    const diffStep = steps.find((s) => s.run?.includes('rad diff'))!;
    expect(diffStep.if).toBe("github.event_name == 'pull_request'");
    expect(diffStep.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    for (const c of commands) await expectRunnable(c);
  });

  it('the pre-commit hooks check the whole plan (pass_filenames: false) with commands that exist', async () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    expect(hooks.map((h) => h.id)).toEqual(['rad-validate', 'rad-fmt']);
    for (const hook of hooks) {
      expect(hook.pass_filenames).toBe(false);
      const [command] = radCommands(hook.entry);
      expect(command).toBeDefined();
      await expectRunnable(command!);
    }
  });

  it("a new plan's workflow and hooks (rad init) install and run the rad that made them, with commands that exist", async () => {
    const cwd = tmpDir();
    expect((await runRad(['init', 'p', '--years', '2025-2026', '--lang', 'en'], { cwd })).exitCode).toBe(0);
    const workflowText = readFileSync(join(cwd, 'p/.github/workflows/plan.yml'), 'utf8');
    expect(workflowText).not.toContain('npx');
    const workflow = parse(workflowText) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    const runs = (workflow.jobs.plan?.steps ?? []).filter((s) => s.run).map((s) => s.run!);
    expect(runs[0]).toBe(`npm install -g ${PACKAGE_NAME}@${VERSION}`);
    const commands = runs.flatMap(radCommands);
    expect(commands.map((c) => c.join(' '))).toEqual(['validate', 'fmt --check', 'diff HEAD^1 --format md']);
    for (const c of commands) await expectRunnable(c);

    const config = parse(readFileSync(join(cwd, 'p/.pre-commit-config.yaml'), 'utf8')) as {
      repos: { repo: string; hooks: (Hook & { files: string })[] }[];
    };
    expect(config.repos.map((r) => r.repo)).toEqual(['local']);
    const hooks = config.repos[0]!.hooks;
    expect(hooks.map((h) => [h.id, h.language, h.pass_filenames, h.files])).toEqual([
      ['rad-validate', 'system', false, '^plan/'],
      ['rad-fmt', 'system', false, '^plan/'],
    ]);
    for (const hook of hooks) await expectRunnable(radCommands(hook.entry)[0]!);
  });
});
