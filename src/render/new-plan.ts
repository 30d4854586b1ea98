// The files of a new plan repository (rad init): the plan files with their examples in comments, the git, CI and
// pre-commit configuration that runs the installed rad, and a README. Texts come from the catalog, in the plan's
// language; YAML files come out raw here and are put in canonical form by the command (formatYaml).
import { stringify } from 'yaml';
import type { Lang } from '../core/types.js';
import type { Translate } from '../i18n/index.js';
import { mdText } from './markdown.js';

export interface NewPlan {
  lang: Lang;
  /** Plan id (kebab-case). */
  id: string;
  title: string;
  owner: string;
  from: number;
  to: number;
  /** regions.yaml as written (rad init --regions ntt), else an empty registry. */
  regionsText?: string;
  /** This rad's package name and version: what the CI workflow and the hooks' comment install. */
  packageName: string;
  version: string;
}

export type PlanFileKind = 'plan' | 'agencies' | 'regions' | 'section';

export interface NewFile {
  /** Relative to the new repository's root. */
  path: string;
  text: string;
  /** Plan files: the schema they follow (the command writes them in canonical form). */
  kind?: PlanFileKind;
}

const YAML_OPTIONS = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0 } as const;

const yamlOf = (value: unknown): string => stringify(value, YAML_OPTIONS);

/** Lines as a YAML comment block: each prefixed with "# " (a blank line stays "#"). */
function commented(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l === '' ? '#' : `# ${l}`))
    .join('\n');
}

/** Prose wrapped at spaces to lines of at most width characters (a longer word stays whole). */
function wrap(text: string, width = 110): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line !== '' && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else line = line === '' ? word : `${line} ${word}`;
      }
      return [...lines, line].join('\n');
    })
    .join('\n');
}

/** A data document followed, after a blank line, by a comment: an introduction, then an example to uncomment. */
function withExample(data: unknown, intro: string, example: unknown): string {
  return `${yamlOf(data)}\n${commented(wrap(intro))}\n${commented(yamlOf(example))}\n`;
}

/** One target per plan year, keyed by the year as a number (as plan files write them: 2025: 1). */
function yearTargets(p: NewPlan, value: number): Map<number, number> {
  const targets = new Map<number, number>();
  for (let y = p.from; y <= p.to; y++) targets.set(y, value);
  return targets;
}

export const sectionFile = (t: Translate): string => t('init.section-file');

function planYaml(p: NewPlan, t: Translate): string {
  const plan = {
    id: p.id,
    title: p.title,
    owner: p.owner,
    period: { from: p.from, to: p.to },
    target_years: { from: p.from, to: p.to },
    language: p.lang,
    units: [
      { id: 'KEGIATAN', label: { id: 'kegiatan', en: 'activity' }, count: true },
      { id: 'ORANG', label: { id: 'orang', en: 'person' }, count: true },
    ],
    sections: [sectionFile(t)],
  };
  const basis = t('init.decree-basis');
  const decree = {
    decree: {
      number: t('init.decree-number'),
      title: t('init.decree-title'),
      date: `${p.from}-01-01`,
      place: t('init.decree-place'),
      signed_by: t('init.decree-signed-by'),
      signatory: t('init.decree-signatory'),
    },
    review: { interval_months: 6, basis },
    funding: { sources: [t('init.funding-source')], basis },
  };
  return withExample(plan, t('init.plan-comment'), decree);
}

function agenciesYaml(t: Translate): string {
  const example = {
    agencies: [{ id: 'dp3a', name: t('init.agency-name'), short: 'DP3A', kind: 'opd', aliases: [] }],
  };
  return withExample({ agencies: [] }, t('init.agencies-comment'), example);
}

function regionsYaml(p: NewPlan, t: Translate): string {
  if (p.regionsText !== undefined) return p.regionsText;
  const example = { regions: [{ id: 'kota-kupang', code: '53.71', name: t('init.region-name'), kind: 'kota' }] };
  return withExample({ regions: [] }, t('init.regions-comment'), example);
}

function sectionYaml(p: NewPlan, t: Translate): string {
  const example = {
    goal: t('init.example-goal'),
    problems: [t('init.example-problem')],
    outputs: [t('init.example-output')],
    programs: [
      {
        id: 'A.1',
        title: t('init.example-program'),
        activities: [
          {
            id: 'A.1.a',
            title: t('init.example-activity'),
            indicators: [
              {
                id: 'A.1.a.1',
                text: t('init.example-indicator'),
                unit: 'KEGIATAN',
                targets: yearTargets(p, 1),
                coordinator: 'dp3a',
                implementers: [],
              },
            ],
          },
        ],
      },
    ],
  };
  return withExample({ id: 'A', title: t('init.section-title'), programs: [] }, t('init.section-comment'), example);
}

function preCommitConfig(p: NewPlan, t: Translate): string {
  const comment = commented(wrap(t('init.precommit-comment', { package: p.packageName, version: p.version })));
  const hook = (id: string, command: string): string =>
    `      - id: ${id}\n        name: ${command}\n        entry: ${command}\n        language: system\n` +
    '        files: ^plan/\n        pass_filenames: false\n';
  return `${comment}\nrepos:\n  - repo: local\n    hooks:\n${hook('rad-validate', 'rad validate')}${hook('rad-fmt', 'rad fmt --check')}`;
}

function workflow(p: NewPlan, t: Translate): string {
  return `${commented(wrap(t('init.workflow-comment', { package: p.packageName })))}
name: plan

on:
  push:
  pull_request:

permissions:
  contents: read

jobs:
  plan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          # A pull request checks out its merge commit; its first parent (HEAD^1) is the base branch.
          fetch-depth: 2
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install -g ${p.packageName}@${p.version}
      # GITHUB_ACTIONS=true makes the format github: one annotation per finding, and every finding in the summary.
      - name: Validate the plan
        run: rad validate
      - name: Check the canonical form
        run: rad fmt --check
      - name: Plan changes in this pull request
        if: github.event_name == 'pull_request'
        run: rad diff HEAD^1 --format md >> "$GITHUB_STEP_SUMMARY"
`;
}

export function newPlanFiles(p: NewPlan, t: Translate): NewFile[] {
  const section = sectionFile(t);
  return [
    { path: 'plan/plan.yaml', text: planYaml(p, t), kind: 'plan' },
    { path: 'plan/agencies.yaml', text: agenciesYaml(t), kind: 'agencies' },
    { path: 'plan/regions.yaml', text: regionsYaml(p, t), kind: 'regions' },
    { path: `plan/${section}`, text: sectionYaml(p, t), kind: 'section' },
    { path: '.gitattributes', text: 'plan/**/*.yaml diff=rad\n' },
    { path: '.pre-commit-config.yaml', text: preCommitConfig(p, t) },
    { path: '.github/workflows/plan.yml', text: workflow(p, t) },
    {
      path: 'README.md',
      text: t('init.readme', {
        title: mdText(p.title),
        section,
        from: p.from,
        package: p.packageName,
        version: p.version,
        home: `https://www.npmjs.com/package/${p.packageName}`,
      }),
    },
  ];
}
