/** A fixture site with every page type the default design must handle, for the browser and HTML validity tests. */
import { release } from './project.js';

/** Settings that paginate after two releases, so the home page and a minister's page have a page 2. */
export const DESIGN_SETTINGS = {
  title: 'Office of the Example Government',
  baseUrl: 'https://news.example.test/',
  language: 'en-NZ',
  pageSize: 2,
  contactEmail: 'access@news.example.test',
};

const LONG_BODY = `The Minister today set out the **Regional Resilience Plan**, a ten-year programme of work across every region.

## What the plan does

The plan has three parts:

1. Repairing roads and bridges damaged in recent storms.
2. Building flood defences in the most exposed towns.
3. Funding local projects chosen by communities, including:
   - river planting;
   - stop-banks; and
   - emergency water supplies.

### Where the money goes

| Region | Roads ($m) | Flood defences ($m) | Local projects ($m) | Total ($m) | Projects | Councils | Start | Finish |
|---|---:|---:|---:|---:|---:|---:|---|---|
| Northland | 12.5 | 8.0 | 3.5 | 24.0 | 11 | 3 | 2024 | 2027 |
| Tairāwhiti | 20.0 | 14.5 | 4.0 | 38.5 | 15 | 1 | 2024 | 2028 |
| Manawatū-Whanganui | 9.0 | 6.5 | 2.5 | 18.0 | 8 | 7 | 2025 | 2027 |

## Read more

The full plan is published at https://www.example.govt.nz/assets/documents/regional-resilience-plan-2024-full-report-with-appendices-and-regional-breakdowns.pdf and a summary is on [the Treasury website](https://www.treasury.example.govt.nz/).

> “This is the biggest investment in regional infrastructure in a generation,” the Minister said.

An address with no natural break: https://www.example.govt.nz/a/very/long/path/that/keeps/going/without/any/spaces/so/it/must/wrap/somewhere/at/three/hundred/and/twenty/pixels.
`;

/** The fixture's files: six items over two years and two types, two ministers, two portfolios. */
export function designSiteFiles(): Record<string, string> {
  return {
    'seeds/short.md': release({ slug: 'short', title: '"Minister welcomes new board chair"', date: '2024-07-12' }, 'The Minister welcomed the new chair today.\n'),
    'seeds/long.md': release(
      { slug: 'long', title: '"Ten-year plan to make every region more resilient to storms and floods"', date: '2024-06-01', url: 'https://www.beehive.example.govt.nz/release/ten-year-plan-to-make-every-region-more-resilient', portfolios: '\n  - Finance\n  - Regional Development' },
      LONG_BODY,
    ),
    'seeds/attachments.md': release({
      slug: 'with-attachments',
      title: '"Fiscal Strategy Report released"',
      date: '2024-05-20',
      attachments: '\n  - https://www.example.govt.nz/assets/fiscal-strategy-report.pdf\n  - title: "Supporting tables"\n    url: https://www.example.govt.nz/assets/fiscal-strategy-tables.xlsx',
    }),
    'seeds/speech.md': release(
      { slug: 'budget-speech', type: 'speech', title: '"Pre-Budget speech to the Chamber of Commerce"', date: '2024-04-02', delivered_at: 'Wellington Chamber of Commerce', ministers: '\n  - Hon Jane Example\n  - Rt Hon Tama Whānau' },
      'Kia ora koutou. Thank you for having me.\n\n## The state of the books\n\nThe books are improving.\n',
    ),
    'seeds/older.md': release({ slug: 'older', title: '"Funding for rural clinics"', date: '2023-11-30', ministers: '\n  - Rt Hon Tama Whānau', portfolios: '\n  - Health' }),
    'seeds/oldest.md': release({ slug: 'oldest', title: '"New health targets"', date: '2023-02-14', ministers: '\n  - Rt Hon Tama Whānau', portfolios: '\n  - Health' }),
  };
}

/** One page of each type in the fixture, by name → site path. */
export const DESIGN_PAGES: Record<string, string> = {
  home: '',
  'home page 2': 'page/2/',
  'short release': 'release/short/',
  'long release': 'release/long/',
  'release with attachments': 'release/with-attachments/',
  speech: 'speech/budget-speech/',
  minister: 'minister/jane-example/',
  'minister page 2': 'minister/jane-example/page/2/',
  portfolio: 'portfolio/finance/',
  'minister index': 'minister/',
  'portfolio index': 'portfolio/',
  archive: 'archive/',
  'archive year': '2024/',
  'type listing': 'release/',
  'accessibility statement': 'accessibility/',
};
