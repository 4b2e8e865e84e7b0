/** The `@page` rule of a printed document: A4 with margins and its page numbers in the reader's language (`label` holds `{n}`). */
export function pageRule(label: string): string {
  const [before = '', after = ''] = label.split('{n}');
  return `@page { size: A4; margin: 18mm 16mm 20mm; @bottom-center { content: ${JSON.stringify(before)} counter(page) ${JSON.stringify(after)}; font-size: 9pt; color: #444; } }`;
}
