/**
 * Fault injection. A fault matches on the REST route (exact string or RegExp), the method and the
 * `page` query parameter (absent = 1), lets `skip` matching requests through (default 0), then
 * hits `times` matching requests (default 1).
 */
import type { FaultSpec, SandboxFaults } from './types';

interface Armed {
	spec: FaultSpec;
	left: number;
	skip: number;
}

export class Faults implements SandboxFaults {
	private armed: Armed[] = [];

	add(spec: FaultSpec): void {
		this.armed.push({ spec, left: spec.times ?? 1, skip: spec.match?.skip ?? 0 });
	}

	clear(): void {
		this.armed = [];
	}

	pending(): number {
		return this.armed.reduce((s, a) => s + a.left, 0);
	}

	/** First armed fault matching this request; consumes one hit. */
	take(route: string, method: string, page: number): FaultSpec | null {
		for (const a of this.armed) {
			const m = a.spec.match ?? {};
			if (m.method && m.method.toUpperCase() !== method) continue;
			if (m.page !== undefined && m.page !== page) continue;
			if (m.route !== undefined) {
				if (typeof m.route === 'string' ? m.route !== route : !m.route.test(route)) continue;
			}
			if (a.skip > 0) {
				a.skip--;
				continue;
			}
			a.left--;
			if (a.left <= 0) this.armed = this.armed.filter((x) => x !== a);
			return a.spec;
		}
		return null;
	}
}

export const NGINX_PAGE = (status: number, text: string) =>
	`<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

/** WordPress's fatal-error handler answers REST requests with this JSON (wp_die in JSON mode). */
export const WP_CRITICAL_ERROR = {
	code: 'internal_server_error',
	message:
		'<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>',
	data: { status: 500 },
	additional_errors: [],
};

/** WordPress maintenance mode (`.maintenance` file present): 503 HTML with Retry-After: 600. */
export const WP_MAINTENANCE_HTML =
	'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="viewport" content="width=device-width"><title>Maintenance</title></head><body><div class="wp-die-message"><h1>Briefly unavailable for scheduled maintenance. Check back in a minute.</h1></div></body></html>';

/** A bot-protection interstitial served with 200 (WAF / captcha). */
export const WAF_CHALLENGE_HTML =
	'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow"></head><body><div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1">127.0.0.1</h1><h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2><noscript><div class="h2">Enable JavaScript and cookies to continue</div></noscript></div></div></body></html>';
