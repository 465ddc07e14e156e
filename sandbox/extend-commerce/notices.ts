import type { WebhookEvent } from './types';

/** One webhook notification an action raises: the event and its brief `Details`. */
export interface Notice {
	action: WebhookEvent;
	details: Record<string, string>;
}
