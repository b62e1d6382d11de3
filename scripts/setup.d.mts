export declare const root: string;
export declare const TEMPORAL_CLI_VERSION: string;
export declare function temporalCacheDir(): string;
export declare function temporalCliPath(): string;
export declare function ensureNodeModules(): boolean;
export declare function ensureTemporalCli(): boolean;
export declare function ensurePrismaClient(): boolean;
export declare function setup(opts?: { needTemporal?: boolean }): void;
