/**
 * The links a produced file holds, as written: href and src attribute values in HTML and XML, <loc> addresses in the
 * sitemap, Sitemap lines in robots.txt. Hand-written scans with indexOf rather than global regular expressions: the
 * link check reads every byte of every page (hundreds of megabytes at archive scale), and each scan finds exactly the
 * matches, in the same order, that the expression in its comment would.
 */

const ROBOTS_SITEMAP = /^Sitemap:\s*(\S+)\s*$/gim;

/** The raw links of a file, by its path's extension: attributes then <loc>s for .xml, Sitemap lines for .txt. */
export function linksIn(path: string, content: string): string[] {
  const links: string[] = [];
  if (path.endsWith('.txt')) {
    for (const match of content.matchAll(ROBOTS_SITEMAP)) links.push(match[1]!);
    return links;
  }
  attributeValues(content, links);
  if (path.endsWith('.xml')) locValues(content, links);
  return links;
}

/**
 * The values of `/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi`, in order. Every match has exactly one "=", so
 * the scan visits each "=" and looks back for the name and forward for the quoted value; `from` plays the regular
 * expression's lastIndex, so a match never starts inside the previous one (an href inside a value is not a link).
 */
export function attributeValues(content: string, links: string[]): void {
  let from = 0;
  for (let equals = content.indexOf('='); equals >= 0; equals = content.indexOf('=', Math.max(equals + 1, from))) {
    let nameEnd = equals;
    while (nameEnd > from && isSpace(content.charCodeAt(nameEnd - 1))) nameEnd--;
    const nameStart = endsWithName(content, nameEnd, 'href') ? nameEnd - 4 : endsWithName(content, nameEnd, 'src') ? nameEnd - 3 : -1;
    if (nameStart - 1 < from || !isSpace(content.charCodeAt(nameStart - 1))) continue;
    let open = equals + 1;
    while (open < content.length && isSpace(content.charCodeAt(open))) open++;
    const quote = content[open];
    if (quote !== '"' && quote !== "'") continue;
    const close = content.indexOf(quote, open + 1);
    if (close < 0) continue;
    links.push(content.slice(open + 1, close));
    from = close + 1;
  }
}

/** The values of `/<loc>([^<]*)<\/loc>/g`, in order. */
export function locValues(content: string, links: string[]): void {
  for (let at = content.indexOf('<loc>'); at >= 0; ) {
    const end = content.indexOf('<', at + 5);
    if (end >= 0 && content.startsWith('</loc>', end)) {
      links.push(content.slice(at + 5, end));
      at = content.indexOf('<loc>', end + 6);
    } else {
      at = content.indexOf('<loc>', at + 1);
    }
  }
}

/** Whether `name` (lower-case ASCII) ends at `end`, in any case, as the "i" flag matches it. */
function endsWithName(content: string, end: number, name: string): boolean {
  const start = end - name.length;
  if (start < 0) return false;
  for (let index = 0; index < name.length; index++) {
    if ((content.charCodeAt(start + index) | 0x20) !== name.charCodeAt(index)) return false;
  }
  return true;
}

/** What `\s` matches: ASCII and Unicode white space, line terminators and the byte-order mark. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
