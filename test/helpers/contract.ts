// Validates API bodies against the OpenAPI contract's schemas with ajv (OpenAPI 3.0 `nullable` aware).
import {readFileSync} from 'node:fs';
import {Ajv, type ValidateFunction} from 'ajv';
import addFormatsModule from 'ajv-formats';

const spec = JSON.parse(readFileSync(new URL('../../source/api/nuon-openapi.json', import.meta.url), 'utf8'));
const ajv = new Ajv({strict: false, allErrors: true, validateFormats: false});
(addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
ajv.addSchema({$id: 'nuon', components: spec.components}, 'nuon');

const cache = new Map<string, ValidateFunction>();

/** The 200 response schema of a GET path template in the contract. */
export function responseValidator(pathTemplate: string): ValidateFunction {
	const cached = cache.get(pathTemplate);
	if (cached) return cached;
	const operation = spec.paths[pathTemplate]?.get;
	if (!operation) throw new Error(`no GET ${pathTemplate} in the contract`);
	const schema = operation.responses['200'].content['application/json'].schema;
	const validate = ajv.compile(rewriteRefs(schema) as object);
	cache.set(pathTemplate, validate);
	return validate;
}

function rewriteRefs(schema: unknown): unknown {
	return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"nuon#/components/'));
}

export const contractPaths = Object.keys(spec.paths) as string[];
