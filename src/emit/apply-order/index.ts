export { atlantisConfig, renderAtlantisYaml, WHEN_MODIFIED } from './atlantis';
export type { AtlantisProject, AtlantisRepoConfig } from './atlantis';
export { emitApplyOrder } from './emit';
export type { ApplyOrderOptions } from './emit';
export { renderHclReadme } from './readme';
export { renderUnitsJson, unitsFile, UNITS_FORMAT_VERSION } from './units';
export type { UnitBackend, UnitEntry, UnitsFile } from './units';
