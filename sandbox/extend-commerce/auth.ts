import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './http';

export interface TokenGrant {
	tenant: string;
	readOnly?: boolean;
}

export interface Caller {
	tenant: string;
	readOnly: boolean;
}

export const DEFAULT_TOKEN = 'ec_test_token';
export const DEFAULT_TENANT = 'Demo Tenant';

/** Resolves `Authorization: Bearer <token>`; 401 when missing or unknown. Never echoes the token. */
export function authenticate(headers: IncomingHttpHeaders, tokens: Record<string, TokenGrant>): Caller {
	const header = headers.authorization;
	if (!header) {
		throw new ApiError(401, 'unauthorized', "The Authorization header is missing; send 'Authorization: Bearer <API token>'.");
	}
	const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
	if (!match) {
		throw new ApiError(
			401,
			'unauthorized',
			"The Authorization header must use the Bearer scheme: 'Authorization: Bearer <API token>'.",
		);
	}
	const grant = Object.prototype.hasOwnProperty.call(tokens, match[1]) ? tokens[match[1]] : undefined;
	if (!grant) {
		throw new ApiError(
			401,
			'unauthorized',
			'The API token is not recognised; check the token in the Extend Commerce credential.',
		);
	}
	return { tenant: grant.tenant, readOnly: grant.readOnly === true };
}

/** 403 for a write with a read-only token. */
export function requireWrite(caller: Caller): void {
	if (caller.readOnly) {
		throw new ApiError(
			403,
			'forbidden',
			'This API token is read-only; use a token with write access to change connections, records or sync state.',
		);
	}
}
