/** Types of lint/layers.js for the tests that load it. */
import type { Linter } from 'eslint';

export const LAYERS: readonly (readonly string[])[];
export const GATEWAY_LAYERS: readonly (readonly string[])[];
export function layerConfig(root: string, options?: { layers?: readonly (readonly string[])[]; base?: string }): Linter.Config[];
