import {fuzzLevels, LEVELS} from '../helpers/fuzz-levels.js';

fuzzLevels(LEVELS.slice(6), 'off-contract');
