import {fuzzParts} from '../helpers/fuzz-parts.js';

fuzzParts('contract');
