/** The FreePBX settings parser (amportal.conf, freepbx.conf): losslessness, settings, never throwing. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { FreepbxDocument, parseFreepbx, printFreepbx, phpStringValue } from '../server/src/engine/freepbx/parser';
import { lintText } from '../server/src/engine/lint';

/** Tokens are contiguous, non-empty, cover the whole text and print it back. */
function assertLossless(text: string, doc: FreepbxDocument = parseFreepbx(text)): FreepbxDocument {
  let pos = 0;
  for (const t of doc.tokens) {
    assert.equal(t.start, pos, `token gap or overlap at ${pos}`);
    assert.ok(t.end > t.start, `empty ${t.kind} token at ${pos}`);
    pos = t.end;
  }
  assert.equal(pos, text.length, 'tokens cover the whole text');
  assert.equal(printFreepbx(doc), text);
  for (const s of doc.settings) {
    assert.ok(s.raw.start >= 0 && s.raw.end <= text.length && s.raw.start <= s.raw.end);
    assert.equal(text.slice(s.key.start, s.key.end).length, s.key.end - s.key.start);
  }
  return doc;
}

const values = (doc: FreepbxDocument) => Object.fromEntries(doc.settings.map((s) => [s.key.text, s.value]));

describe('amportal.conf (shell form)', () => {
  const cases: Record<string, string> = {
    empty: '',
    'no final newline': 'AMPDBPASS=amp109',
    crlf: '# c\r\nAMPDBPASS=amp109\r\nAMPMGRPASS=amp111\r\n',
    bom: '\ufeffAMPDBPASS=amp109\n',
    'lone CR': 'A=1\rB=2\n',
    'trailing comment': 'AMPDBPASS=amp109   # shipped\n',
    quotes: `A="x y"\nB='p#q'\nC=a"b c"'d'\nD="esc \\" \\$ \\\\ \\q"\n`,
    'unterminated quotes': `A="open\nB='open\nC=ok\n`,
    'commands and junk': 'source /etc/x\n  = novalue\n=\nexport\nexport A=1 B=2\n#!/bin/sh\n',
    'spaces and tabs': '\t AMPDBUSER=asteriskuser \t\n',
    'backslashes at end': 'A=abc\\\nB=\\',
    unicode: 'AMPDBPASS=pässwörd😀\n',
    'control characters': 'A=\x01\x02\x7f\nB\0=1\n',
  };
  for (const [name, text] of Object.entries(cases)) test(`round trip: ${name}`, () => {
    assertLossless(text);
  });

  test('values are read the way the shell reads them', () => {
    const doc = assertLossless(`A="x y"\nB='p#q'\nC=a"b c"'d'\nD="esc \\" \\$ \\\\ \\q"\nE=x#y # comment\nexport F=1\n`);
    assert.deepEqual(values(doc), { A: 'x y', B: 'p#q', C: 'ab cd', D: 'esc " $ \\ \\q', E: 'x#y', F: '1' });
    assert.equal(doc.settings.find((s) => s.key.text === 'A')!.quote, '"');
    assert.equal(doc.settings.find((s) => s.key.text === 'B')!.quote, "'");
    assert.equal(doc.settings.find((s) => s.key.text === 'C')!.quote, '');
  });
  test('a value that needs the shell to compute it is unknown', () => {
    const doc = assertLossless('A=$(cat /root/pw)\nB=`cat x`\nC="${X}y"\nD=\'$literal\'\n');
    assert.deepEqual(values(doc), { A: undefined, B: undefined, C: undefined, D: '$literal' });
  });
  test("a value span is the word as written, a comment after it is a comment", () => {
    const text = 'AMPMGRPASS="amp111" # default\n';
    const doc = assertLossless(text);
    const s = doc.settings[0];
    assert.equal(text.slice(s.raw.start, s.raw.end), '"amp111"');
    assert.equal(s.value, 'amp111');
    assert.equal(doc.comments.length, 1);
    assert.equal(text.slice(doc.comments[0].start, doc.comments[0].end), '# default');
  });
  test("phpReadable follows FreePBX's own line regex", () => {
    const doc = assertLossless('A=amp109\nB=amp109 # c\nC="x"\nD=a$b\nexport E=1\n');
    const r = Object.fromEntries(doc.settings.map((s) => [s.key.text, s.phpReadable]));
    assert.deepEqual(r, { A: true, B: false, C: true, D: false, E: false });
  });
  test('an unterminated quote is a problem, and the value is unknown', () => {
    const doc = assertLossless('A="open\nB=ok\n');
    assert.equal(doc.problems.length, 1);
    assert.deepEqual(values(doc), { A: undefined, B: 'ok' });
  });
  test('comment lines and blank lines are marked for suppressions', () => {
    const doc = assertLossless('# a\n\nA=1\n  # b\n');
    assert.deepEqual(doc.blankOrComment, [true, true, false, true, true]);
  });
});

describe('freepbx.conf (PHP form)', () => {
  const sample = `<?php\n$amp_conf['AMPDBUSER'] = 'freepbxuser';\n$amp_conf['AMPDBPASS'] = 'amp109';\n$amp_conf["AMPDBHOST"] = "localhost";\n$amp_conf['datasource'] = ''; //for sqlite3\n\nrequire_once('/var/www/html/admin/bootstrap.php');\n?>\n`;
  const cases: Record<string, string> = {
    sample,
    crlf: sample.replace(/\n/g, '\r\n'),
    'no close tag': "<?php\n$amp_conf['AMPDBPASS']='x';",
    'html around': "head\n<?php $amp_conf['A'] = 'b'; ?>\ntail <?= 1 ?> <?xml x ?>\n",
    comments: "<?php\n# a\n// b ?> html\n<?php /* multi\nline */ $amp_conf['A'] /* x */ = /* y */ 'v' # z\n;\n",
    'unterminated string': "<?php\n$amp_conf['A'] = 'open\n",
    'unterminated comment': '<?php\n/* open\n',
    heredoc: '<?php\n$x = <<<EOT\n  text $y\n  EOT;\n$amp_conf[\'A\'] = \'1\';\n',
    'nowdoc unterminated': "<?php\n$x = <<<'EOT'\nnever closed\n",
    'odd tokens': '<?php $ 1.5e3 @ \\ \ud83d\ude00 \ud83d',
    'bom and short tag': '\ufeff<? $amp_conf[\'A\'] = "b";',
  };
  for (const [name, text] of Object.entries(cases)) test(`round trip: ${name}`, () => {
    assertLossless(text);
  });

  test('reads $amp_conf assignments', () => {
    const doc = assertLossless(sample);
    assert.equal(doc.form, 'php');
    assert.deepEqual(values(doc), { AMPDBUSER: 'freepbxuser', AMPDBPASS: 'amp109', AMPDBHOST: 'localhost', datasource: '' });
    const s = doc.settings.find((x) => x.key.text === 'AMPDBPASS')!;
    assert.equal(sample.slice(s.raw.start, s.raw.end), "'amp109'");
    assert.equal(s.quote, "'");
  });
  test('comments between the tokens do not matter; commented-out assignments are not settings', () => {
    const doc = assertLossless("<?php\n// $amp_conf['A'] = 'x';\n/* $amp_conf['B'] = 'y'; */\n# $amp_conf['C'] = 'z';\n$amp_conf['D'] /* c */ = 'w';\n");
    assert.deepEqual(values(doc), { D: 'w' });
  });
  test('expressions and interpolation are unknown values', () => {
    const doc = assertLossless("<?php\n$amp_conf['A'] = 'a' . 'b';\n$amp_conf['B'] = \"x$y\";\n$amp_conf['C'] = getenv('P');\n$amp_conf['D'] = \"\\$y\";\n");
    assert.deepEqual(values(doc), { A: undefined, B: undefined, C: undefined, D: '$y' });
  });
  test('PHP string escapes', () => {
    assert.equal(phpStringValue("'it\\'s \\\\ \\n'"), "it's \\ \\n");
    assert.equal(phpStringValue('"a\\tb\\x41\\101\\u{1F600}\\q"'), 'a\tbAA\u{1F600}\\q');
    assert.equal(phpStringValue('"{$x}"'), undefined);
  });
  test('the form is chosen by content', () => {
    assert.equal(parseFreepbx('A=1\n').form, 'shell');
    assert.equal(parseFreepbx('  <?php\n').form, 'php');
    assert.equal(parseFreepbx('# comment\n<?php $a=1;').form, 'php');
  });
});

describe('never throws, always lossless', () => {
  test('random input', () => {
    const alphabet = ['A', '=', '"', "'", '\\', '$', '`', '#', ' ', '\t', '\n', '\r', '<?php ', '?>', '/*', '*/', '//', '<<<', 'EOT', '\n', '$amp_conf', '[', ']', ';', '(', 'x', '\ud83d', '\u00e9', '\0'];
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const len = rnd(40);
      for (let j = 0; j < len; j++) text += alphabet[rnd(alphabet.length)];
      const doc = assertLossless(text);
      assert.equal(doc.problems.some((p) => p.message.startsWith('pbxlint could not parse')), false, JSON.stringify(text));
      assert.equal(doc.blankOrComment.length, doc.lineStarts.length);
    }
  });
});

describe('the freepbx kind', () => {
  test('amportal.conf and freepbx.conf are detected and linted', () => {
    assert.equal(lintText({ path: '/etc/amportal.conf', text: 'AMPMGRPASS=amp111\n' }).kind?.kind, 'freepbx');
    assert.equal(lintText({ path: '/etc/freepbx.conf', text: "<?php $amp_conf['AMPDBPASS'] = 'amp109';" }).findings.length, 1);
  });
  test('suppressions use # comments', () => {
    const r = lintText({ path: '/etc/amportal.conf', text: '# pbxlint-disable-next-line freepbx-default-password -- lab box\nAMPMGRPASS=amp111\n' });
    assert.equal(r.findings.filter((f) => f.ruleId === 'freepbx-default-password').length, 0);
    assert.equal(r.suppressed.length, 1);
  });
  test('messages never contain the password', () => {
    const r = lintText({ path: '/etc/amportal.conf', text: 'AMPDBUSER=asteriskuser\nAMPDBPASS=asteriskuser1\nAMPMGRPASS=amp111\nFOPPASSWORD=passw0rd\n' });
    assert.equal(r.findings.length, 3);
    for (const f of r.findings) for (const s of ['asteriskuser1', 'amp111', 'passw0rd']) assert.ok(!f.message.includes(s) && !f.fixes.some((x) => x.title.includes(s)), f.message);
  });
});
