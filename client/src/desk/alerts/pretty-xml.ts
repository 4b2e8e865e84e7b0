/**
 * Indents XML one element per line, two spaces a level, for reading a CAP message on screen
 * (the text itself is never changed: the download is the server's bytes).
 */
export function prettyXml(xml: string): string {
  let depth = 0;
  return xml
    .trim()
    .replace(/>\s+</g, '><')
    .replace(/></g, '>\n<')
    .split('\n')
    .map((token) => {
      const closing = /^<\/[^>]+>$/.test(token);
      if (closing) depth = Math.max(0, depth - 1);
      const line = '  '.repeat(depth) + token;
      // An opening tag alone on its line (not a declaration, comment, closing or self-closing tag) opens a level.
      if (/^<[^!?/](?:[^>]*[^/])?>$/.test(token)) depth++;
      return line;
    })
    .join('\n');
}
