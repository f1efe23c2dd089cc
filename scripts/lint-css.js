// Checks the workbook's stylesheets with css-tree (Debian's node-css-tree), the parser and
// CSS-grammar matcher that csstree-validator and stylelint build on: every file must parse
// without recovery, and every declaration must name a known property with a value its grammar
// accepts. Custom properties, and values with var() (whose meaning is known only at use) or
// min()/max()/clamp() (CSS Values 4, newer than the grammar of Debian's css-tree 2.3), are
// checked for a known property name only; @page and @font-face descriptors are matched against
// their at-rule's grammar. Prints file:line:column: message per problem, exits 1 if there is any.
// Usage: node scripts/lint-css.js FILE.css...
'use strict';
const fs = require('fs');
const csstree = require('css-tree');

let problems = 0;
function report(file, loc, message) {
  const where = loc ? `${loc.start.line}:${loc.start.column}` : '1:1';
  console.log(`${file}:${where}: ${message}`);
  problems += 1;
}

for (const file of process.argv.slice(2)) {
  const source = fs.readFileSync(file, 'utf8');
  const ast = csstree.parse(source, {
    positions: true,
    filename: file,
    onParseError: (error) => {
      problems += 1;
      console.log(`${file}:${error.line}:${error.column}: parse error: ${error.message}`);
    },
  });
  csstree.walk(ast, function (node) {
    if (node.type === 'Atrule' && !['media', 'supports', 'page', 'font-face', 'keyframes', 'import', 'layer', 'container'].includes(node.name)) {
      report(file, node.loc, `unknown at-rule @${node.name}`);
    }
    if (node.type !== 'Declaration' || node.property.startsWith('--')) return;
    const value = csstree.generate(node.value);
    if (this.atrule && ['page', 'font-face'].includes(this.atrule.name)) {
      // Page context also takes the margin properties, which css-tree lists as properties.
      let match = csstree.lexer.matchAtruleDescriptor(this.atrule.name, node.property, node.value);
      if (match.error && /Unknown at-rule descriptor/.test(match.error.message)) {
        match = csstree.lexer.matchProperty(node.property, node.value);
      }
      if (match.error) report(file, node.loc, `@${this.atrule.name} ${node.property}: ${match.error.message.split('\n')[0]}`);
      return;
    }
    if (/\b(var|min|max|clamp)\(/.test(value)) {
      if (!csstree.lexer.getProperty(node.property) && !csstree.property(node.property).vendor) {
        report(file, node.loc, `unknown property "${node.property}"`);
      }
      return;
    }
    const match = csstree.lexer.matchDeclaration(node);
    if (match.error) {
      report(file, node.loc, `${node.property}: ${match.error.message.split('\n')[0]} (value: ${value})`);
    }
  });
}
if (problems > 0) {
  console.log(`${problems} problem${problems === 1 ? '' : 's'}`);
  process.exit(1);
}
