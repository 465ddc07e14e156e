// Tooling that never ships: see ../eslint.tooling.mjs.
export { default } from '../eslint.tooling.mjs';
