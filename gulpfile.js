const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

// Icons are not TypeScript, so tsc does not emit them: copy them beside the built files.
function copyIcons() {
	return src(path.resolve('icons', '*.svg'), { encoding: false }).pipe(dest(path.resolve('dist', 'icons')));
}
