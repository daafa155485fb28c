/** The apply-order files beside the HCL roots: `hcl/units.json`, `hcl/README.md`, `hcl/atlantis.yaml`. */
import type { ResolvedModel } from '../../model';
import type { FileMap } from '../files';
import { renderAtlantisYaml } from './atlantis';
import { renderHclReadme } from './readme';
import { renderUnitsJson } from './units';

export interface ApplyOrderOptions {
  /**
   * Path of the generated `hcl` directory from the repository root, `/`-separated, for the
   * project dirs of atlantis.yaml.
   * @default '.' (the hcl directory is the repository root)
   */
  readonly atlantisDir?: string;
}

export function emitApplyOrder(ir: ResolvedModel, opts: ApplyOrderOptions = {}): FileMap {
  return new Map([
    ['hcl/README.md', renderHclReadme(ir)],
    ['hcl/atlantis.yaml', renderAtlantisYaml(ir, opts.atlantisDir ?? '.')],
    ['hcl/units.json', renderUnitsJson(ir)],
  ]);
}
