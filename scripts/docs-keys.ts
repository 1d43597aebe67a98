// Writes the README's table of keys from the key table (between its markers).
import {readFileSync, writeFileSync} from 'node:fs';
import {withKeysTable} from '../source/ui/keys/keys-table.js';

const readme = readFileSync('README.md', 'utf8');
const updated = withKeysTable(readme);
if (updated !== readme) writeFileSync('README.md', updated);
console.log(updated === readme ? 'README.md: the keys table is up to date' : 'README.md: keys table written');
