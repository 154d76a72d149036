// Looking up a regulation named in a request: the same 404 for the API, the pages and the duty list.
import type { Regulation } from '../../indexer/statute/model.ts';
import type { Assistant } from '../core/types.ts';
import { ApiError } from './errors.ts';

export function requireRegulation(assistant: Assistant, id: string): Regulation {
  const found = assistant.regulation(id);
  if (!found) throw new ApiError(404, 'regulation_not_found', { value: id });
  return found;
}

/** An optional regulationId filter must name a regulation: a typo would otherwise silently filter out everything. */
export const optionalRegulation = (assistant: Assistant, id: string | undefined): string | undefined =>
  id === undefined ? undefined : requireRegulation(assistant, id).id;
