/** Three releases for the search tests: a word in one body only, a word in two, and one minister under two styles. */
import { release } from './project.js';

/** seeds/ files: "Takitimu" is only in roads; "kiwisaver" is in kiwisaver (title and body) and roads (body). */
export const SEARCH_RELEASES: Record<string, string> = {
  'seeds/kiwisaver.md': release(
    { title: '"KiwiSaver settings change"', date: '2023-05-18', ministers: '\n  - Hon Nicola Willis', portfolios: '\n  - Finance' },
    'KiwiSaver members will see the <script>alert(1)</script> government contribution halved. Contributions help savers.\n',
  ),
  'seeds/roads.md': release(
    { title: '"Roads of national significance"', date: '2024-03-01', ministers: '\n  - Hon Chris Bishop', portfolios: '\n  - Transport' },
    'The Minister mentioned KiwiSaver once while opening the Takitimu expressway.\n',
  ),
  'seeds/housing.md': release(
    { title: '"Going for housing growth"', date: '2024-07-02', type: 'speech', ministers: '\n  - Rt Hon Chris Bishop', portfolios: '\n  - Housing' },
    'Councils will zone for thirty years of housing growth.\n',
  ),
};
