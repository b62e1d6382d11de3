import type { Linter } from 'eslint';
export declare const workflowImportRule: Linter.RuleEntry;
export declare const domainImportRule: Linter.RuleEntry;
export declare const servicesImportRule: Linter.RuleEntry;
export declare const activitiesImportRule: Linter.RuleEntry;
export declare const apiImportRule: Linter.RuleEntry;
declare const config: Linter.Config[];
export default config;
