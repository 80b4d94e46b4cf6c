/** Addresses a release may link to: absolute http or https only, so no `javascript:` or `file:` link is ever made. */

/** The address parsed, or what is wrong with it. */
export type CheckedUrl = { ok: true; url: URL } | { ok: false; message: string };

/** Accepts absolute http(s) addresses with a host. */
export function checkUrl(text: string): CheckedUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `expected a full web address starting with https://, got ${JSON.stringify(text)}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `only http and https addresses are allowed, got one starting "${url.protocol}"` };
  }
  if (url.hostname === '') return { ok: false, message: `the address ${JSON.stringify(text)} has no host` };
  return { ok: true, url };
}
