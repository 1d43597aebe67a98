// Validates API bodies against the OpenAPI contract's schemas with ajv (OpenAPI 3.0 `nullable` aware).
import {readFileSync} from 'node:fs';
import {Ajv, type ValidateFunction} from 'ajv';
import addFormatsModule from 'ajv-formats';

const spec = JSON.parse(readFileSync(new URL('../../source/api/nuon-openapi.json', import.meta.url), 'utf8'));
const ajv = new Ajv({strict: false, allErrors: true, validateFormats: false});
(addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
ajv.addSchema({$id: 'nuon', components: spec.components}, 'nuon');

const cache = new Map<string, ValidateFunction>();

/** The response schema of a path template in the contract: a GET's 200 by default. */
export function responseValidator(
	pathTemplate: string,
	method: 'get' | 'post' = 'get',
	status = '200',
): ValidateFunction {
	const key = `${method} ${pathTemplate} ${status}`;
	const cached = cache.get(key);
	if (cached) return cached;
	const operation = spec.paths[pathTemplate]?.[method];
	if (!operation) throw new Error(`no ${method.toUpperCase()} ${pathTemplate} in the contract`);
	const schema = operation.responses[status].content['application/json'].schema;
	const validate = ajv.compile(rewriteRefs(schema) as object);
	cache.set(key, validate);
	return validate;
}

function rewriteRefs(schema: unknown): unknown {
	return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"nuon#/components/'));
}

export const contractPaths = Object.keys(spec.paths) as string[];
