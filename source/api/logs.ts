// Log streams and their records.
import type {NuonClient} from './client.js';
import type {LogRecord, LogStream} from './types.js';

const id = encodeURIComponent;

export const getLogStream = async (client: NuonClient, streamId: string) =>
	(await client.get<LogStream>(`/v1/log-streams/${id(streamId)}`)).data;

export interface LogPage {
	records: LogRecord[];
	/** The next cursor; empty when fewer than a full page came back. */
	next: string;
}

/**
 * One page of log records after (asc) or before (desc) a nanosecond cursor. Bodies arrive raw:
 * the log model sanitizes them, keeping colour codes.
 */
export async function getLogsPage(
	client: NuonClient,
	streamId: string,
	order: 'asc' | 'desc',
	cursor?: string,
): Promise<LogPage> {
	const {data, headers} = await client.get<LogRecord[] | null>(`/v1/log-streams/${id(streamId)}/logs`, {
		query: {order},
		headers: cursor ? {'x-nuon-api-offset': cursor} : {},
		raw: true,
	});
	return {records: Array.isArray(data) ? data : [], next: headers['x-nuon-api-next'] ?? ''};
}
