/**
 * Authentication in four modes, because Extend publishes none: an API key in a header, a Bearer
 * token, Basic, and OAuth2 client credentials (tokens issued by `POST /oauth2/token` on the same
 * server). Two principals: read-write, and read-only (its writes are answered 403).
 * Secrets are compared in constant time and never echoed.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './http';
import type { AuthMode, BackOfficeCredentials, CredentialSeed } from './types';

export const TOKEN_PATH = '/oauth2/token';
export const DEFAULT_API_KEY_HEADER = 'X-Api-Key';
export const DEFAULT_TOKEN_SECONDS = 3600;

const READ_WRITE_DEFAULTS = {
	apiKey: 'ec_demo_api_key',
	bearer: 'ec_demo_bearer_token',
	basic: { user: 'demo', password: 'demo-password' },
	oauth2: { clientId: 'demo-client', clientSecret: 'demo-client-secret', scope: 'api' },
};
const READ_ONLY_DEFAULTS = {
	apiKey: 'ec_demo_readonly_api_key',
	bearer: 'ec_demo_readonly_bearer_token',
	basic: { user: 'readonly', password: 'readonly-password' },
	oauth2: { clientId: 'readonly-client', clientSecret: 'readonly-client-secret', scope: 'api' },
};

export function buildCredentials(seed: CredentialSeed | undefined, readOnly: boolean, origin: string, apiKeyHeader?: string): BackOfficeCredentials {
	const d = readOnly ? READ_ONLY_DEFAULTS : READ_WRITE_DEFAULTS;
	return {
		apiKey: { header: apiKeyHeader ?? seed?.apiKey?.header ?? DEFAULT_API_KEY_HEADER, value: seed?.apiKey?.value ?? d.apiKey },
		bearer: seed?.bearer ?? d.bearer,
		basic: { user: seed?.basic?.user ?? d.basic.user, password: seed?.basic?.password ?? d.basic.password },
		oauth2: {
			tokenUrl: `${origin}${TOKEN_PATH}`,
			clientId: seed?.oauth2?.clientId ?? d.oauth2.clientId,
			clientSecret: seed?.oauth2?.clientSecret ?? d.oauth2.clientSecret,
			scope: seed?.oauth2?.scope ?? d.oauth2.scope,
		},
	};
}

export interface Caller {
	mode: AuthMode;
	readOnly: boolean;
}

interface Principal {
	credentials: BackOfficeCredentials;
	readOnly: boolean;
}

function same(a: string, b: string): boolean {
	const x = Buffer.from(a, 'utf8');
	const y = Buffer.from(b, 'utf8');
	return x.length === y.length && timingSafeEqual(x, y);
}

const unauthorized = (message: string, mode?: AuthMode) =>
	new ApiError(401, message, {}, mode === 'oauth2' || mode === 'bearer' ? { 'WWW-Authenticate': 'Bearer error="invalid_token"' } : {});

export class Authenticator {
	private readonly principals: Principal[];
	private readonly issued = new Map<string, { readOnly: boolean; expiresAt: number }>();

	constructor(
		readonly modes: AuthMode[],
		readWrite: BackOfficeCredentials,
		readOnly: BackOfficeCredentials,
		private readonly tokenSeconds: number,
		private readonly clock: () => Date,
	) {
		if (readWrite.apiKey.header.toLowerCase() !== readOnly.apiKey.header.toLowerCase()) {
			throw new Error('Both principals must send their API key in the same header');
		}
		this.principals = [
			{ credentials: readWrite, readOnly: false },
			{ credentials: readOnly, readOnly: true },
		];
	}

	private get apiKeyHeader(): string {
		return this.principals[0].credentials.apiKey.header.toLowerCase();
	}

	/** Who is calling; 401 when no accepted credential is sent or it is refused. */
	authenticate(headers: IncomingHttpHeaders): Caller {
		const keyHeader = headers[this.apiKeyHeader];
		const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
		if (key !== undefined && this.modes.includes('apiKey')) {
			const principal = this.principals.find((p) => same(p.credentials.apiKey.value, key));
			if (!principal) throw unauthorized(`The API key in ${this.principals[0].credentials.apiKey.header} is not recognised.`);
			return { mode: 'apiKey', readOnly: principal.readOnly };
		}
		const authorization = headers.authorization;
		if (authorization === undefined) {
			throw unauthorized(`No credentials were sent; this back office accepts: ${this.describeModes()}.`);
		}
		const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
		if (/^basic$/i.test(scheme) && this.modes.includes('basic')) return this.basic(value);
		if (/^bearer$/i.test(scheme) && (this.modes.includes('bearer') || this.modes.includes('oauth2'))) return this.bearer(value);
		throw unauthorized(`The Authorization scheme '${scheme.slice(0, 20)}' is not accepted; this back office accepts: ${this.describeModes()}.`);
	}

	private basic(encoded: string): Caller {
		const decoded = Buffer.from(encoded, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		const user = colon < 0 ? decoded : decoded.slice(0, colon);
		const password = colon < 0 ? '' : decoded.slice(colon + 1);
		const principal = this.principals.find((p) => same(p.credentials.basic.user, user) && same(p.credentials.basic.password, password));
		if (!principal) throw unauthorized('The user name or password is not recognised.', 'basic');
		return { mode: 'basic', readOnly: principal.readOnly };
	}

	private bearer(token: string): Caller {
		if (this.modes.includes('bearer')) {
			const principal = this.principals.find((p) => same(p.credentials.bearer, token));
			if (principal) return { mode: 'bearer', readOnly: principal.readOnly };
		}
		if (this.modes.includes('oauth2')) {
			const grant = this.issued.get(token);
			if (grant && grant.expiresAt > this.clock().getTime()) return { mode: 'oauth2', readOnly: grant.readOnly };
			if (grant) throw unauthorized('The access token has expired; fetch a new one from the token URL.', 'oauth2');
		}
		throw unauthorized('The bearer token is not recognised.', 'bearer');
	}

	private describeModes(): string {
		const names: Record<AuthMode, string> = {
			apiKey: `an API key in the ${this.principals[0].credentials.apiKey.header} header`,
			bearer: 'Authorization: Bearer <token>',
			basic: 'Authorization: Basic',
			oauth2: `an OAuth2 client-credentials token from ${TOKEN_PATH}`,
		};
		return this.modes.map((m) => names[m]).join(', ');
	}

	/**
	 * The client-credentials grant (RFC 6749 §4.4): client id and secret in the form body or as
	 * Basic. Answers with the status and JSON body of the token endpoint.
	 */
	issueToken(headers: IncomingHttpHeaders, raw: Buffer): { status: number; body: Record<string, unknown> } {
		const form = parseForm(headers['content-type'], raw);
		// Candidate (id, secret) pairs: from the form, or from Basic read form-decoded and as sent.
		let pairs: Array<[string | undefined, string | undefined]> = [[form.client_id, form.client_secret]];
		const authorization = headers.authorization;
		if (authorization && /^basic\s/i.test(authorization)) {
			const decoded = Buffer.from(authorization.trim().split(/\s+/)[1] ?? '', 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			const id = colon < 0 ? decoded : decoded.slice(0, colon);
			const secret = colon < 0 ? '' : decoded.slice(colon + 1);
			pairs = [
				[formDecode(id), formDecode(secret)],
				[id, secret],
			];
		}
		if (form.grant_type !== 'client_credentials') {
			return { status: 400, body: { error: 'unsupported_grant_type', error_description: "Only grant_type=client_credentials is supported." } };
		}
		if (!this.modes.includes('oauth2')) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'OAuth2 is not enabled on this back office.' } };
		}
		const principal = this.principals.find(
			(p) => pairs.some(([id, secret]) => id !== undefined && secret !== undefined && same(p.credentials.oauth2.clientId, id) && same(p.credentials.oauth2.clientSecret, secret)),
		);
		if (!principal) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'The client id or client secret is not recognised.' } };
		}
		const allowed = principal.credentials.oauth2.scope.split(/\s+/).filter(Boolean);
		const asked = (form.scope ?? '').split(/\s+/).filter(Boolean);
		const unknown = asked.filter((s) => !allowed.includes(s));
		if (unknown.length > 0) {
			return { status: 400, body: { error: 'invalid_scope', error_description: `Scope '${unknown.join(' ').slice(0, 60)}' is not granted; use '${allowed.join(' ')}'.` } };
		}
		const token = `ecat_${randomBytes(18).toString('hex')}`;
		this.issued.set(token, { readOnly: principal.readOnly, expiresAt: this.clock().getTime() + this.tokenSeconds * 1000 });
		return {
			status: 200,
			body: { access_token: token, token_type: 'Bearer', expires_in: this.tokenSeconds, scope: (asked.length ? asked : allowed).join(' ') },
		};
	}
}

/** RFC 6749 §2.3.1 form-encodes the Basic parts; clients that do not are read as sent. */
function formDecode(value: string): string {
	try {
		return decodeURIComponent(value.replace(/\+/g, ' '));
	} catch {
		return value;
	}
}

function parseForm(contentType: string | undefined, raw: Buffer): Record<string, string | undefined> {
	const text = raw.toString('utf8');
	if (contentType?.includes('application/json')) {
		try {
			const parsed = JSON.parse(text) as Record<string, unknown>;
			return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
		} catch {
			return {};
		}
	}
	return Object.fromEntries(new URLSearchParams(text));
}

/** 403 for a write by the read-only principal. */
export function requireWrite(caller: Caller): void {
	if (caller.readOnly) {
		throw new ApiError(403, 'These credentials may only read; use credentials with write rights to create or change records.');
	}
}
