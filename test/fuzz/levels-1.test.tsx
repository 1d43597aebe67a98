import {fuzzLevels, LEVELS} from '../helpers/fuzz-levels.js';

fuzzLevels(LEVELS.slice(0, 6));
