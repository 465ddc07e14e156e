/** Keeps a command serving until Ctrl-C (SIGINT) or SIGTERM, then closes what it started. */
export async function serveUntilStopped(close: () => Promise<void>): Promise<void> {
	await new Promise<void>((resolve) => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			console.log('Stopping…');
			close().then(resolve, resolve);
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}
