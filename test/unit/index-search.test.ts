import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectSearchPages } from '../../src/render/index-search.js';
import type { PagePlan, Settings } from '../../src/types.js';
import { DEFAULT_SETTINGS } from '../../src/validate/validate-settings.js';

const plan = (path: string, searchable?: boolean): PagePlan => ({ path, template: 'release', source: path, data: {}, ...(searchable ? { searchable } : {}) });

describe('selectSearchPages', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, baseUrl: 'https://example.test/news/', search: 'required' };

  it('takes only the pages the plan marks searchable, whatever else was rendered', () => {
    const plans = [plan('index.html'), plan('release/a/index.html', true), plan('release/withdrawn/index.html'), plan('speech/b/index.html', true)];
    const files = plans.map((p) => ({ path: p.path, content: `<html>${p.path}</html>` }));
    assert.deepEqual(selectSearchPages(plans, files, settings), {
      pages: [
        { path: 'release/a/index.html', url: '/release/a/', html: '<html>release/a/index.html</html>' },
        { path: 'speech/b/index.html', url: '/speech/b/', html: '<html>speech/b/index.html</html>' },
      ],
      mode: 'required',
    });
  });

  it('skips a searchable page that failed to render', () => {
    assert.deepEqual(selectSearchPages([plan('release/a/index.html', true)], [], settings).pages, []);
  });
});
