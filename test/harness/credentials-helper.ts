import { Credentials } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { loadPackageCredentials } from './package-loader';

type CredentialValue = unknown;

/**
 * Supplies test credentials to the engine the way n8n's own credentials helper does: decrypted
 * data by type, and `authenticate` applied from the credential class — a function is called, a
 * generic definition has its `={{$credentials.x}}` expressions resolved by the workflow's
 * expression engine and merged into the request.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types: Map<string, ICredentialType> = loadPackageCredentials();

	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types.get(name)?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types.get(typeName);
		const authenticate = type?.authenticate;
		const options = requestOptions as IHttpRequestOptions;
		if (!authenticate) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate.type !== 'generic') return options;
		const resolve = (value: CredentialValue): CredentialValue => {
			if (typeof value !== 'string' || !value.startsWith('=')) return value;
			if (!workflow || !node) throw new Error('Generic authentication needs the workflow and node');
			return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
		};
		for (const part of ['headers', 'qs', 'body'] as const) {
			const additions = authenticate.properties[part];
			if (!additions) continue;
			const target = ((options[part] as Record<string, CredentialValue> | undefined) ?? {}) as Record<string, CredentialValue>;
			for (const [key, value] of Object.entries(additions)) target[key] = resolve(value);
			(options as unknown as Record<string, unknown>)[part] = target;
		}
		if (authenticate.properties.auth) {
			const auth = authenticate.properties.auth as Record<string, CredentialValue>;
			options.auth = { username: String(resolve(auth.username)), password: String(resolve(auth.password)) };
		}
		return options;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string) {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type, '');
	}

	/** How often the engine read each credential type (a real n8n reads the database each time). */
	readonly reads: Record<string, number> = {};

	async getDecrypted(_additionalData: unknown, nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		this.reads[type] = (this.reads[type] ?? 0) + 1;
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type} (node credential "${nodeCredentials.name}")`);
		// n8n fills in each property's default for fields the user left empty.
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			defaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
		return { ...defaults, ...structuredClone(data) };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.get(type)?.properties ?? [];
	}

	credentialType(type: string): ICredentialType {
		const credentialType = this.types.get(type);
		if (!credentialType) throw new Error(`Unknown credential type ${type}`);
		return credentialType;
	}
}
