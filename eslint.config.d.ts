import type { Linter } from 'eslint';
export declare const workflowImportRule: Linter.RuleEntry;
export declare const domainImportRule: Linter.RuleEntry;
declare const config: Linter.Config[];
export default config;
