// undici's own modules that source/api/undici.ts imports: they have no declarations of their own.
declare module 'undici/lib/dispatcher/agent.js' {
	const Agent: unknown;
	export default Agent;
}
declare module 'undici/lib/api/api-request.js' {
	import type {Dispatcher} from 'undici';
	const request: (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
	export default request;
}
