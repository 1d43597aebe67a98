// What a level was given, as the API sent it (after sanitizing): the data hooks note each answer
// here, so that a level that cannot be shown can still show its data as raw JSON.
import {createContext} from 'react';

export type RawData = Map<string, unknown>;

export const RawDataContext = createContext<RawData | undefined>(undefined);
