import { describe, expect, it } from 'vitest';
import { prettyXml } from '../../../../../client/src/desk/alerts/pretty-xml.js';

describe('prettyXml', () => {
  it('puts one element on a line, indented by depth, leaving text and self-closing tags alone', () => {
    const xml = '<?xml version="1.0"?><alert xmlns="urn:x"><identifier>a-1</identifier><references>s,id,2026</references><code/><info><note>签收 a&gt;b</note></info></alert>';
    expect(prettyXml(xml)).toBe(
      [
        '<?xml version="1.0"?>',
        '<alert xmlns="urn:x">',
        '  <identifier>a-1</identifier>',
        '  <references>s,id,2026</references>',
        '  <code/>',
        '  <info>',
        '    <note>签收 a&gt;b</note>',
        '  </info>',
        '</alert>',
      ].join('\n'),
    );
  });

  it('re-indents XML that is already indented', () => {
    expect(prettyXml('<a>\n    <b>x</b>\n</a>\n')).toBe('<a>\n  <b>x</b>\n</a>');
  });
});
