import { it } from 'vitest';
import { parseMoney } from './money.js';
import { parseNumeral } from './numerals.js';
it('x', () => { console.log(JSON.stringify(parseMoney('一千零一元')), parseNumeral('一千零一')); });
